"""Reads of budgets. `budget_total` is the one computation of a plan's budget figure."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum

from budget.models import CostLine

CHF = Decimal("1")


def budget_total(*, plan) -> Decimal:
    """The plan's total in whole francs (half up), as the summary and the cost table print it."""
    total = CostLine.objects.filter(plan=plan).aggregate(total=Sum("amount"))["total"] or Decimal(
        "0"
    )
    return total.quantize(CHF, rounding=ROUND_HALF_UP)


def budget_section(*, plan) -> dict:
    """Everything section VI of the plan shows, for the plan page and the official document:
    the cost lines in order and the total (the same computation as the summary figure)."""
    lines = list(CostLine.objects.filter(plan=plan).order_by("position", "id"))
    return {"lines": lines, "total": budget_total(plan=plan)}
