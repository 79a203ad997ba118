"""Factories of the budget app (CostLineFactory is shared, in tests/factories.py)."""

from decimal import Decimal

import factory

from budget.models import (
    BudgetEnvelope,
    BudgetNote,
    BudgetParameters,
    InKindContribution,
    NoteKind,
    StaffPosition,
)
from tests.factories import WorkPlanFactory


class BudgetParametersFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetParameters
        django_get_or_create = ("plan",)

    plan = factory.SubFactory(WorkPlanFactory)
    social_charges_rate = Decimal("20.00")
    long_haul_flights = 6
    short_or_medium_haul_flights = 4


class StaffPositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffPosition

    plan = factory.SubFactory(WorkPlanFactory)
    title = factory.Sequence(lambda n: f"Officer {n}")
    share_of_time = Decimal("100.00")
    annual_cost = None
    position = factory.Sequence(lambda n: n)


class InKindContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InKindContribution

    plan = factory.SubFactory(WorkPlanFactory)
    item = "Administrative Expenses"
    provider = "GICHD"
    description = "Covers costs such as rent of office."
    position = factory.Sequence(lambda n: n)


class BudgetNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetNote

    plan = factory.SubFactory(WorkPlanFactory)
    kind = NoteKind.NOTE
    text = factory.Sequence(lambda n: f"Budget note number {n}.")
    position = factory.Sequence(lambda n: n)


class BudgetEnvelopeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetEnvelope
        django_get_or_create = ("year",)

    year = 2025
    amount = Decimal("500000.00")
