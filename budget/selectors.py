"""Reads of budgets. `budget_total` is the one computation of a plan's budget figure: the
summary figure, the cost table's total, the API and the documents all call it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from budget import arithmetic
from budget.chart import comparison_chart
from budget.models import (
    CATEGORY_ORDER,
    BudgetEnvelope,
    BudgetNote,
    BudgetParameters,
    CostCategory,
    CostLine,
    InKindContribution,
    NoteKind,
    StaffPosition,
)

CHF = arithmetic.FRANC


def budget_total(*, plan) -> Decimal:
    """The plan's total in whole francs: the sum of its lines, each rounded half up to the
    franc first (see budget.arithmetic for the rounding rule). One query."""
    amounts = CostLine.objects.filter(plan=plan).order_by().values_list("amount", flat=True)
    return arithmetic.total_of(amounts)


def budget_totals(*, plans) -> dict[int, Decimal]:
    """`budget_total` of many plans in one query, by plan id (same arithmetic)."""
    amounts = defaultdict(list)
    for plan_id, amount in (
        CostLine.objects.filter(plan__in=plans).order_by().values_list("plan_id", "amount")
    ):
        amounts[plan_id].append(amount)
    return {plan.pk: arithmetic.total_of(amounts[plan.pk]) for plan in plans}


def budget_section(*, plan) -> dict:
    """Everything section VI of the plan shows, for the plan page and the official document:
    the cost lines in order, the total (the same computation as the summary figure), the
    contributions in kind, the budget notes and the assumptions. Four queries, whatever the
    size of the budget."""
    lines = list(CostLine.objects.filter(plan=plan).order_by("position", "id"))
    notes = list(BudgetNote.objects.filter(plan=plan).order_by("position", "id"))
    return {
        "lines": lines,
        "total": budget_total(plan=plan),
        "in_kind": list(InKindContribution.objects.filter(plan=plan).order_by("position", "id")),
        "notes": [note for note in notes if note.kind == NoteKind.NOTE],
        "assumptions": [note for note in notes if note.kind == NoteKind.ASSUMPTION],
    }


def previous_plan(*, plan):
    from workplan.models import WorkPlan

    return WorkPlan.objects.filter(year=plan.year - 1).first()


@dataclass(frozen=True)
class ComparisonRow:
    category: str
    label: str
    current: Decimal | None
    previous: Decimal | None
    line: CostLine | None

    @property
    def current_rounded(self) -> Decimal | None:
        return None if self.current is None else arithmetic.round_franc(self.current)

    @property
    def previous_rounded(self) -> Decimal | None:
        return None if self.previous is None else arithmetic.round_franc(self.previous)

    @property
    def variance(self) -> Decimal | None:
        return arithmetic.variance(current=self.current, previous=self.previous)

    @property
    def variance_percent(self) -> Decimal | None:
        return arithmetic.variance_percent(current=self.current, previous=self.previous)


def budget_comparison(*, lines: list[CostLine], previous_lines: list[CostLine] | None) -> list:
    """One row per category present in either year, in the seed's order, with this year's
    and last year's amounts and the variance. Pure: no query."""
    current = {line.category: line for line in lines}
    previous = {line.category: line.amount for line in previous_lines or []}
    categories = sorted(
        set(current) | set(previous),
        key=lambda c: (current[c].position if c in current else CATEGORY_ORDER[c], c),
    )
    rows = []
    for category in categories:
        line = current.get(category)
        rows.append(
            ComparisonRow(
                category=category,
                label=CostCategory(category).label,
                current=line.amount if line else None,
                previous=previous.get(category) if previous_lines is not None else None,
                line=line,
            )
        )
    return rows


def budget_page(*, plan, previous=None) -> dict:
    """What the budget page shows: section VI, the staffing, the parameters, last year's
    figures (when `previous` is given: the caller decides whether the visitor may see it),
    the variances and the chart. A constant number of queries."""
    section = budget_section(plan=plan)
    positions = list(StaffPosition.objects.filter(plan=plan).order_by("position", "id"))
    parameters = BudgetParameters.objects.filter(plan=plan).first()
    previous_lines = (
        list(CostLine.objects.filter(plan=previous).order_by("position", "id"))
        if previous is not None
        else None
    )
    previous_total = (
        arithmetic.total_of(line.amount for line in previous_lines) if previous else None
    )
    rows = budget_comparison(lines=section["lines"], previous_lines=previous_lines)
    derived = set()
    if arithmetic.every_position_costed([p.annual_cost for p in positions]):
        derived.add(CostCategory.SALARIES)
    if parameters is not None and parameters.social_charges_rate is not None:
        derived.add(CostCategory.SOCIAL_CHARGES)
    return {
        **section,
        "positions": positions,
        "parameters": parameters,
        "derived": derived,
        "salaries_derived": CostCategory.SALARIES in derived,
        "costed_positions": sum(1 for p in positions if p.annual_cost is not None),
        "previous_plan": previous,
        "previous_total": previous_total,
        "total_variance": arithmetic.variance(current=section["total"], previous=previous_total),
        "total_variance_percent": arithmetic.variance_percent(
            current=section["total"], previous=previous_total
        ),
        "rows": rows,
        "chart": comparison_chart(
            rows,
            current_year=plan.year,
            previous_year=previous.year if previous else None,
        ),
    }


@dataclass(frozen=True)
class OverviewRow:
    year: int
    plan: object | None
    total: Decimal | None
    envelope: Decimal | None
    change: Decimal | None
    change_percent: Decimal | None

    @property
    def envelope_difference(self) -> Decimal | None:
        if self.envelope is None or self.total is None:
            return None
        return self.total - arithmetic.round_franc(self.envelope)


def budget_overview(*, plans) -> dict:
    """Every visible year's total side by side, oldest first, with the change from the year
    before and the six-year envelope where entered (a year with an envelope but no plan in
    the portal is listed too). Two queries."""
    plans = sorted(plans, key=lambda p: p.year)
    amounts: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for plan_id, category, amount in (
        CostLine.objects.filter(plan__in=plans)
        .order_by()
        .values_list("plan_id", "category", "amount")
    ):
        amounts[plan_id][category] = amount
    # The same arithmetic as budget_total, on the lines already read.
    totals = {plan.pk: arithmetic.total_of(amounts[plan.pk].values()) for plan in plans}
    envelopes = {e.year: e for e in BudgetEnvelope.objects.all()}
    by_year = {plan.year: plan for plan in plans}
    present = {category for plan in plans for category in amounts[plan.pk]}
    by_category = [
        {
            "label": label,
            "amounts": [
                arithmetic.round_franc(amounts[plan.pk][category])
                if category in amounts[plan.pk]
                else None
                for plan in plans
            ],
        }
        for category, label in CostCategory.choices
        if category in present
    ]
    rows = []
    for year in sorted(set(by_year) | set(envelopes)):
        plan = by_year.get(year)
        total = totals[plan.pk] if plan else None
        before = by_year.get(year - 1)
        before_total = totals[before.pk] if before else None
        envelope = envelopes.get(year)
        rows.append(
            OverviewRow(
                year=year,
                plan=plan,
                total=total,
                envelope=envelope.amount if envelope else None,
                change=arithmetic.variance(current=total, previous=before_total) if plan else None,
                change_percent=arithmetic.variance_percent(current=total, previous=before_total)
                if plan
                else None,
            )
        )
    six_year = list(range(2021, 2027))
    entered = [envelopes[y].amount for y in six_year if y in envelopes]
    return {
        "rows": rows,
        "plans": plans,
        "by_category": by_category,
        "totals": [totals[plan.pk] for plan in plans],
        "envelopes": envelopes,
        "six_year_years": six_year,
        "six_year_envelope_total": arithmetic.total_of(entered) if entered else None,
        "six_year_envelopes_entered": len(entered),
        "six_year_plans_total": arithmetic.total_of(
            totals[p.pk] for p in plans if 2021 <= p.year <= 2026
        ),
    }
