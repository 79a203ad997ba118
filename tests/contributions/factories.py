"""Factories and helpers of the contributions tests."""

from datetime import date
from decimal import Decimal

import factory

from budget.models import CostCategory
from contributions import services
from contributions.models import UNScaleRate
from tests.factories import CostLineFactory, StateFactory, WorkPlanFactory
from workplan.models import PlanStatus


class UNScaleRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UNScaleRate

    state = factory.SubFactory(StateFactory)
    first_year = 2025
    last_year = 2027
    rate_percent = Decimal("1.000")


def approved_budget(year: int = 2025, amount: Decimal = Decimal("497138"), **plan_fields):
    """An approved work plan for `year` whose budget_total is `amount` (two cost lines)."""
    plan = WorkPlanFactory(year=year, status=plan_fields.pop("status", PlanStatus.APPROVED))
    first = (amount * Decimal("0.8")).quantize(Decimal("0.01"))
    CostLineFactory(plan=plan, category=CostCategory.SALARIES, amount=first)
    CostLineFactory(plan=plan, category=CostCategory.OTHER, amount=amount - first)
    return plan


def rated_state(name: str, iso3: str, rate: str, **fields):
    state = StateFactory(name=name, iso3=iso3, **fields)
    UNScaleRateFactory(state=state, rate_percent=Decimal(rate))
    return state


def issue(state, *, year=2025, amount=Decimal("1000"), issue_date=date(2025, 2, 1), **kwargs):
    """Issues one invoice directly (bypassing the assessment) for focused tests."""
    return services.invoice_issue(
        year=year,
        state=state,
        amount=amount,
        method="un_scale",
        budget=Decimal("497138"),
        issue_date=issue_date,
        **kwargs,
    ).invoice
