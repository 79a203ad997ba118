"""Fixtures of the budget tests: the 2025 plan with its budget loaded as the seed reads, and
a Playwright page on Debian's chromium for the browser test."""

import os

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
def browser_page(live_server):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(10_000)
        yield page
        context.close()
        browser.close()
        # Code run under Playwright's sync API sees its own context, so Django opened a
        # second connection for it; close it, or the test database cannot be dropped.
        connections.close_all()
