import os

import pytest
from django.core.management import call_command

from workplan.models import WorkPlan


@pytest.fixture
def plan_2025(db) -> WorkPlan:
    """The 2025 plan as `make run` loads it (without the participants: the loader tolerates
    their absence)."""
    call_command("load_workplan_2025", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return WorkPlan.objects.get(year=2025)


@pytest.fixture
def activities_of(plan_2025):
    """The activities of the first output of the first outcome, in order."""

    def get(plan=plan_2025, outcome=1, output=1):
        from workplan.models import Activity

        return list(
            Activity.objects.filter(
                output__outcome__plan=plan,
                output__outcome__position=outcome,
                output__position=output,
            ).order_by("position")
        )

    return get


@pytest.fixture
def browser_page(live_server):
    """A Playwright page in Debian's chromium, headless, against the live server."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(15000)
        try:
            yield page
        finally:
            context.close()
            browser.close()
