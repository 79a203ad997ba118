"""Fixtures of the budget tests: the 2025 plan with its budget loaded as the seed reads."""

import pytest

from budget.seed_2025 import budget_2025_load
from tests.factories import WorkPlanFactory


@pytest.fixture
def plan_2025(db):
    plan = WorkPlanFactory(year=2025, title="Implementation Support Unit 2025 Work Plan and Budget")
    budget_2025_load(plan=plan)
    return plan
