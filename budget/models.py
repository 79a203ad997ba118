from decimal import Decimal

from django.db import models
from simple_history.models import HistoricalRecords


class CostCategory(models.TextChoices):
    SALARIES = "salaries", "Salaries"
    SOCIAL_CHARGES = "social_charges", "Social charges"
    COMMUNICATION = "communication", "Communication"
    TRAVEL = "travel", "Travel"
    OTHER = "other", "Other implementation support costs"


class CostLine(models.Model):
    """One line of section VI's cost table, in Swiss francs."""

    plan = models.ForeignKey(
        "workplan.WorkPlan", on_delete=models.CASCADE, related_name="cost_lines"
    )
    category = models.CharField(max_length=30, choices=CostCategory.choices)
    amount = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0.00"))
    note = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "category"], name="cost_line_one_per_category")
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.amount}"
