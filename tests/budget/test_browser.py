"""ISU staff change the Travel line in place and see the total and the summary figure
follow; the same edit works without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from budget.seed_2025 import budget_2025_load
from tests.factories import ISUStaffFactory, WorkPlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def budget_2025(db):
    plan = WorkPlanFactory(year=2025)
    budget_2025_load(plan=plan)
    ISUStaffFactory(username="isu-browser")
    return plan


def signed_in(page, sign_in, username="isu-browser"):
    sign_in(page, username)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_isu_staff_change_travel_and_the_totals_follow(browser_page, sign_in, budget_2025):
    page = browser_page
    signed_in(page, sign_in)
    page.goto("/workplans/2025/budget/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("2025 Budget")
    expect(page.locator("#budget-summary-figure")).to_have_text("CHF 497'138")
    expect(page.locator("#budget-total")).to_have_text("497'138")
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_role("link", name="Edit Travel").click()
    amount = page.get_by_label("Amount in CHF")
    expect(amount).to_have_value("27000.00")
    amount.fill("30'000")
    page.get_by_role("button", name="Save Travel").click()

    expect(page.locator("#budget-summary-figure")).to_have_text("CHF 500'138")
    expect(page.locator("#budget-total")).to_have_text("500'138")
    expect(page.locator('tr[data-category="travel"] td[data-amount]')).to_have_text("30'000")
    # Edited in place: the page was not reloaded.
    assert page.evaluate("window.stillTheSamePage") is True

    # A bad amount gets a clear message in the row and changes nothing.
    page.get_by_role("link", name="Edit Travel").click()
    page.get_by_label("Amount in CHF").fill("lots")
    page.get_by_role("button", name="Save Travel").click()
    expect(page.get_by_role("alert")).to_contain_text("'lots' is not an amount")
    page.goto("/workplans/2025/budget/")
    expect(page.locator("#budget-summary-figure")).to_have_text("CHF 500'138")


def test_the_same_edit_works_without_javascript(browser_page, sign_in, budget_2025, live_server):
    context = browser_page.context.browser.new_context(
        base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    try:
        signed_in(page, sign_in)
        page.goto("/workplans/2025/budget/")
        page.get_by_role("link", name="Edit Travel").click()
        expect(page).to_have_url(re.compile(r"/workplans/2025/budget/lines/\d+/edit/$"))
        page.get_by_label("Amount in CHF").fill("26000")
        page.get_by_role("button", name="Save").click()
        expect(page).to_have_url(re.compile(r"/workplans/2025/budget/$"))
        expect(page.locator("#budget-summary-figure")).to_have_text("CHF 496'138")
        expect(page.get_by_role("status")).to_contain_text("Travel saved.")
    finally:
        context.close()


def test_rate_and_list_order_change_in_place(browser_page, sign_in, budget_2025):
    page = browser_page
    signed_in(page, sign_in)
    page.goto("/workplans/2025/budget/")
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_text("Change the rate or the travel plan").click()
    page.get_by_label("Social charges rate").fill("25")
    page.get_by_label("Long-haul flights").fill("7")
    page.get_by_role("button", name="Save the rate and travel plan").click()
    # 364'282 x 25% = 91'070.50, printed 91'071; total 497'138 - 72'856 + 91'071.
    expect(page.locator('tr[data-category="social_charges"] td[data-amount]')).to_have_text(
        "91'071"
    )
    expect(page.locator("#budget-summary-figure")).to_have_text("CHF 515'353")
    expect(
        page.get_by_text("average of 11 economy class flights expected (7 long haul")
    ).to_be_visible()

    assumptions = page.locator("ol.budget-assumptions > li")
    expect(assumptions.nth(3)).to_contain_text("The GICHD in-kind contribution")
    page.get_by_role("button", name="Move up assumption 4").click()
    expect(assumptions.nth(2)).to_contain_text("The GICHD in-kind contribution")
    expect(page.get_by_role("status")).to_contain_text("Assumption moved.")
    assert page.evaluate("window.stillTheSamePage") is True
