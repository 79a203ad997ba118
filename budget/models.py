"""The budget of a work plan (section VI of the document), in Swiss francs.

Every amount is a Decimal to the centime. Derived lines (Salaries when every position is
costed, Social charges at a rate of salaries) are stored, and rewritten by
`budget.services.budget_recompute` after every write that affects them, so reading a budget
never recomputes anything and costs a constant number of queries. The rounding rule lives in
`budget.arithmetic`.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords


class CostCategory(models.TextChoices):
    SALARIES = "salaries", "Salaries"
    SOCIAL_CHARGES = "social_charges", "Social charges"
    COMMUNICATION = "communication", "Communication"
    TRAVEL = "travel", "Travel"
    OTHER = "other", "Other implementation support costs"


# The order of section VI's cost table in the 2025 document.
CATEGORY_ORDER = {value: index for index, value in enumerate(CostCategory.values)}


class CostLine(models.Model):
    """One line of section VI's cost table, in Swiss francs."""

    plan = models.ForeignKey(
        "workplan.WorkPlan", on_delete=models.CASCADE, related_name="cost_lines"
    )
    category = models.CharField(max_length=30, choices=CostCategory.choices)
    amount = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0.00"))
    note = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    # Optimistic locking: every write through a service increments it; a stale value is refused.
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "category"], name="cost_line_one_per_category")
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.amount}"


class BudgetParameters(models.Model):
    """What a plan's derived figures are computed from: the social charges rate and the
    travel plan (the expected flights, from which the travel budget note is written)."""

    class FlightClass(models.TextChoices):
        ECONOMY = "economy", "economy"
        BUSINESS = "business", "business"

    plan = models.OneToOneField(
        "workplan.WorkPlan", on_delete=models.CASCADE, related_name="budget_parameters"
    )
    social_charges_rate = models.DecimalField(
        "social charges rate (% of salaries)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text="When set, the Social charges line is this percentage of Salaries.",
    )
    long_haul_flights = models.PositiveSmallIntegerField(default=0)
    short_or_medium_haul_flights = models.PositiveSmallIntegerField(default=0)
    flight_class = models.CharField(
        max_length=20, choices=FlightClass.choices, default=FlightClass.ECONOMY
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "budget parameters"
        verbose_name_plural = "budget parameters"

    def __str__(self) -> str:
        return f"Budget parameters of {self.plan}"

    @property
    def flights(self) -> int:
        return self.long_haul_flights + self.short_or_medium_haul_flights


class StaffPosition(models.Model):
    """A post of the ISU with its share of time and, where known, its yearly cost."""

    plan = models.ForeignKey(
        "workplan.WorkPlan", on_delete=models.CASCADE, related_name="staff_positions"
    )
    title = models.CharField(max_length=200)
    share_of_time = models.DecimalField(
        "share of time (%)",
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
    )
    annual_cost = models.DecimalField(
        "yearly cost (CHF)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.share_of_time.normalize():f}%)"


class InKindContribution(models.Model):
    """A contribution in kind shown under the cost table with no amount (the GICHD's
    administrative expenses)."""

    plan = models.ForeignKey(
        "workplan.WorkPlan", on_delete=models.CASCADE, related_name="in_kind_contributions"
    )
    item = models.CharField(max_length=200, help_text="Administrative Expenses")
    provider = models.CharField(max_length=200, help_text="GICHD")
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "id"]

    def __str__(self) -> str:
        return f"{self.item} ({self.provider}, in kind)"


class NoteKind(models.TextChoices):
    NOTE = "note", "Budget note"
    ASSUMPTION = "assumption", "Assumption"


class BudgetNote(models.Model):
    """One bullet of "Budget Notes" or "Assumptions", in order. A note written from the
    travel plan has its text rewritten whenever the travel plan changes."""

    plan = models.ForeignKey(
        "workplan.WorkPlan", on_delete=models.CASCADE, related_name="budget_notes"
    )
    kind = models.CharField(max_length=20, choices=NoteKind.choices)
    text = models.TextField()
    from_travel_plan = models.BooleanField(
        default=False, help_text="The text is written from the travel plan."
    )
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "kind", "position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class BudgetEnvelope(models.Model):
    """The amount foreseen for a year by the six-year ISU work plan and budget 2021-2026
    (CCM/CONF/2020/Rev.1). Entered by staff; no figure is assumed."""

    year = models.PositiveSmallIntegerField(unique=True)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    source = models.CharField(max_length=200, default="CCM/CONF/2020/Rev.1", blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year"]

    def __str__(self) -> str:
        return f"Envelope {self.year}: {self.amount}"
