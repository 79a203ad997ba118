from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    UNDER_REVIEW = "under_review", "Under Coordination Committee review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    ENDORSED = "endorsed", "Endorsed by the Coordination Committee"
    CIRCULATED = "circulated", "Circulated to States Parties"
    APPROVED = "approved", "Approved by the Meeting of States Parties"


class Distribution(models.TextChoices):
    GENERAL = "General", "General"
    LIMITED = "Limited", "Limited"
    RESTRICTED = "Restricted", "Restricted"


class WorkPlan(models.Model):
    """The ISU's annual work plan and budget, issued as an official CCM/MSP document."""

    year = models.PositiveSmallIntegerField(
        unique=True, help_text="The calendar year the plan covers."
    )
    title = models.CharField(
        max_length=300, help_text="Implementation Support Unit 2025 Work Plan and Budget"
    )
    symbol = models.CharField(max_length=60, blank=True, help_text="CCM/MSP/2024/3")
    document_date = models.DateField(null=True, blank=True)
    original_language = models.CharField(max_length=30, default="English")
    distribution = models.CharField(
        max_length=20, choices=Distribution.choices, default=Distribution.GENERAL
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="work_plans",
        help_text="The Meeting of States Parties that approves the plan.",
    )
    agenda_item = models.TextField(blank=True, help_text="Item 10(i) of the provisional agenda ...")
    submitted_by = models.CharField(max_length=200, default="Submitted by the ISU Director")
    title_footnote = models.CharField(
        max_length=300, default="The present document is being issued without formal editing."
    )
    status = models.CharField(max_length=30, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    # Optimistic locking: every save through a service increments it; a stale value is refused.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title or f"ISU {self.year} work plan"

    @property
    def is_draft(self) -> bool:
        return self.status == PlanStatus.DRAFT
