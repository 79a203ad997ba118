"""The Sponsorship Programme (administered by the GICHD, managed with the ISU): applications to
attend a meeting, their priority score, the decisions and the budget they draw on."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords


class Article(models.IntegerChoices):
    STOCKPILE_DESTRUCTION = 3, "Article 3 (stockpile destruction)"
    CLEARANCE = 4, "Article 4 (clearance)"


class ObligationDeadline(models.Model):
    """A State Party's deadline under Article 3 or 4 (original or extended), kept by ISU staff."""

    state = models.ForeignKey(
        "parties.State", on_delete=models.CASCADE, related_name="obligation_deadlines"
    )
    article = models.PositiveSmallIntegerField(choices=Article.choices)
    deadline = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["deadline", "state__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "article"], name="obligation_deadline_unique_per_article"
            )
        ]

    def __str__(self) -> str:
        return f"{self.state} Article {self.article}: {self.deadline:%d %B %Y}"


class SponsorshipBudget(models.Model):
    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="sponsorship_budget"
    )
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Sponsorship budget {self.meeting}: CHF {self.amount}"


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted"
    AWARDED = "awarded", "Awarded"
    WAITING_LIST = "waiting_list", "Waiting list"
    DECLINED = "declined", "Declined"


class SponsorshipApplication(models.Model):
    """An application by a State's delegate (a registered participant) for sponsorship."""

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.PROTECT, related_name="sponsorship_applications"
    )
    participant = models.OneToOneField(
        "meetings.Participant", on_delete=models.PROTECT, related_name="sponsorship_application"
    )
    state = models.ForeignKey(
        "parties.State", on_delete=models.PROTECT, related_name="sponsorship_applications"
    )
    is_survivor = models.BooleanField("cluster munition survivor", default=False)
    national_role = models.CharField("role in national implementation", max_length=300)
    computed_score = models.IntegerField(default=0)
    score = models.IntegerField(default=0, help_text="The computed score or staff's adjustment.")
    status = models.CharField(
        max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    decision_note = models.TextField(blank=True)
    submitted_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "-score", "submitted_at", "pk"]

    def __str__(self) -> str:
        return f"Sponsorship of {self.participant.name} for {self.meeting}"

    # Both totals read the (prefetched) items, so a list of applications costs no extra query.
    @property
    def requested_total(self) -> Decimal:
        return sum((item.estimate_chf for item in self.items.all()), Decimal("0.00"))

    @property
    def awarded_total(self) -> Decimal | None:
        amounts = [item.awarded_chf for item in self.items.all() if item.awarded_chf is not None]
        return sum(amounts, Decimal("0.00")) if amounts else None


class ItemKind(models.TextChoices):
    FLIGHT = "flight", "Flight"
    DSA = "dsa", "Daily subsistence allowance (days)"
    ACCOMMODATION = "nights", "Accommodation (nights)"


class RequestedItem(models.Model):
    application = models.ForeignKey(
        SponsorshipApplication, on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(max_length=10, choices=ItemKind.choices)
    quantity = models.PositiveSmallIntegerField(default=1)
    estimate_chf = models.DecimalField(
        max_digits=10, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    awarded_chf = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )

    class Meta:
        ordering = ["application", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind"], name="requested_item_unique_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} x{self.quantity}: CHF {self.estimate_chf}"


class ScoreAdjustment(models.Model):
    """Every change staff make to a score, with the reason (the audit trail of priorities)."""

    application = models.ForeignKey(
        SponsorshipApplication, on_delete=models.CASCADE, related_name="score_adjustments"
    )
    previous_score = models.IntegerField()
    new_score = models.IntegerField()
    reason = models.TextField()
    adjusted_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    adjusted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["application", "adjusted_at", "pk"]

    def __str__(self) -> str:
        return f"{self.previous_score} -> {self.new_score}: {self.reason[:40]}"
