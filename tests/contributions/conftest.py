"""Fixtures of the contributions tests: a small world of States with UN rates, the real
registry with the real UN scale, and an approved budget. The browser comes from
tests/conftest.py (browser_page, sign_in)."""

import os
from decimal import Decimal

import pytest
from django.core.management import call_command

from tests.contributions.factories import approved_budget, rated_state
from tests.factories import ContactFactory, StateFactory


@pytest.fixture
def budget_2025(db):
    return approved_budget(2025, Decimal("497138"))


@pytest.fixture
def small_world(db, state_a, state_b):
    """Four States Parties: France and Lao with UN rates, Germany, and the Holy See (no rate);
    each has one contact who receives invoices."""
    from tests.contributions.factories import UNScaleRateFactory

    UNScaleRateFactory(state=state_a, rate_percent=Decimal("3.858"))
    UNScaleRateFactory(state=state_b, rate_percent=Decimal("0.007"))
    germany = rated_state("Germany", "DEU", "4.979")
    holy_see = StateFactory(name="Holy See", iso3="VAT")
    states = [state_a, state_b, germany, holy_see]
    for state in states:
        ContactFactory(state=state, email=f"finance@{state.iso3.lower()}.example.org")
    return states


@pytest.fixture
def real_world(participants):
    call_command("load_un_scale", stdout=open(os.devnull, "w"))  # noqa: SIM115
