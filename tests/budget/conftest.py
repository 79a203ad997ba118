"""Fixtures of the budget tests: the 2025 plan with its budget loaded as the seed reads."""

import pytest
from django.db import connections

from budget.seed_2025 import budget_2025_load
from tests.factories import WorkPlanFactory


@pytest.fixture
def plan_2025(db):
    plan = WorkPlanFactory(year=2025, title="Implementation Support Unit 2025 Work Plan and Budget")
    budget_2025_load(plan=plan)
    return plan


@pytest.fixture
def browser_page(browser_page):
    """The shared browser tab, then the connection closed that Django opened for the test
    body: code run under Playwright's sync API sees its own context (asgiref locals), so its
    connection is not the one pytest-django closes, and on PostgreSQL the test database then
    cannot be dropped ("being accessed by other users")."""
    yield browser_page
    connections.close_all()
