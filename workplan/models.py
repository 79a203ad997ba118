"""A work plan as structured records, from which the official document is rendered.

Numbers and letters (paragraph 4, item (c), section III, sub-section B) are never stored: they
follow from the order of the records (`position`) and are computed by `workplan.numbering`.
Every editable record carries `version` for optimistic locking and a history of its changes.
"""

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


TEXT_MAX_LENGTH = 4000
TITLE_MAX_LENGTH = 300


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
    main_objective = models.TextField(blank=True, help_text="The summary's main objective.")
    specific_objectives_intro = models.CharField(
        max_length=300,
        blank=True,
        help_text="The line introducing the specific objectives in the summary.",
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


# --- Reference tables for tags ---------------------------------------------------------------


class ConventionArticle(models.Model):
    """An article of the Convention on Cluster Munitions, used to tag work."""

    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Article {self.number}"


class LapAction(models.Model):
    """A numbered action of the Lausanne Action Plan (2021-2026), used to tag work."""

    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = "Lausanne Action Plan action"

    def __str__(self) -> str:
        return f"LAP Action {self.number}"


class ThematicArea(models.Model):
    """A field of the ISU's work; each sub-section of section III is tied to one."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    article = models.ForeignKey(
        ConventionArticle, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name


# --- The document's structure ----------------------------------------------------------------


class SummaryKind(models.TextChoices):
    SPECIFIC_OBJECTIVE = "specific_objective", "Specific objective"
    EXPECTED_OUTCOME = "expected_outcome", "Expected outcome"


class SummaryItem(models.Model):
    """One bullet of the summary's specific objectives or expected outcomes."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="summary_items")
    kind = models.CharField(max_length=30, choices=SummaryKind.choices)
    text = models.TextField(max_length=TEXT_MAX_LENGTH)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan_id", "kind", "position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class SectionKind(models.TextChoices):
    PARAGRAPHS = "paragraphs", "Numbered paragraphs"
    RESULTS = "results", "Results table (outcomes, outputs, activities)"
    BUDGET = "budget", "Budget (cost table, notes and assumptions)"


class Section(models.Model):
    """A numbered section (I, II, ...) of the plan; its numeral follows from its position."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    kind = models.CharField(
        max_length=20, choices=SectionKind.choices, default=SectionKind.PARAGRAPHS
    )
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan_id", "position", "id"]

    def __str__(self) -> str:
        return self.title


class SubSection(models.Model):
    """A lettered sub-section (A, B, ...) of a section, tied to a thematic area."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="subsections")
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    thematic_area = models.ForeignKey(
        ThematicArea, null=True, blank=True, on_delete=models.PROTECT, related_name="subsections"
    )
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["section_id", "position", "id"]

    def __str__(self) -> str:
        return self.title


class Paragraph(models.Model):
    """A numbered paragraph. Paragraphs are numbered consecutively through the document.

    It sits directly in its section (`subsection` empty) or in one of the section's sub-sections;
    `position` orders it among the paragraphs of that same container.
    """

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="paragraphs")
    subsection = models.ForeignKey(
        SubSection, null=True, blank=True, on_delete=models.CASCADE, related_name="paragraphs"
    )
    text = models.TextField(max_length=TEXT_MAX_LENGTH)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["section_id", "subsection_id", "position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class LetteredItem(models.Model):
    """A sub-paragraph (a), (b) ... of a paragraph."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="items")
    text = models.TextField(max_length=TEXT_MAX_LENGTH)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    articles = models.ManyToManyField(ConventionArticle, blank=True, related_name="+")
    lap_actions = models.ManyToManyField(LapAction, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["paragraph_id", "position", "id"]
        verbose_name = "lettered item"

    def __str__(self) -> str:
        return self.text[:60]


class Outcome(models.Model):
    """A row group of section V's results table."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="outcomes")
    text = models.TextField(max_length=TEXT_MAX_LENGTH)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan_id", "position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class Output(models.Model):
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="outputs")
    text = models.TextField(max_length=TEXT_MAX_LENGTH)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["outcome_id", "position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class Activity(models.Model):
    output = models.ForeignKey(Output, on_delete=models.CASCADE, related_name="activities")
    text = models.TextField(max_length=TEXT_MAX_LENGTH)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    articles = models.ManyToManyField(ConventionArticle, blank=True, related_name="+")
    lap_actions = models.ManyToManyField(LapAction, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["output_id", "position", "id"]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return self.text[:60]
