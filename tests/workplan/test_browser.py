"""The main journey in a real browser: ISU staff edit, add and reorder activities in place and
see the numbering follow; a committee member reads the plan."""

import pytest

from tests.factories import TEST_PASSWORD
from workplan.models import Activity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, user):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_load_state()


def _first_output_texts(page):
    items = (
        page.locator("tbody.results-outcome")
        .first.locator("tr")
        .first.locator(".activity-list > li")
    )
    return [
        (
            items.nth(i).get_attribute("data-number"),
            items.nth(i).locator("[id$=-body]").inner_text(),
        )
        for i in range(items.count())
    ]


def test_isu_edits_adds_and_reorders_activities(browser_page, plan_2025, isu_user):
    page = browser_page
    _sign_in(page, isu_user)
    page.goto("/workplans/2025/")
    assert (
        page.locator("h1.plan-title")
        .inner_text()
        .startswith("Implementation Support Unit 2025 Work Plan and Budget")
    )
    first = Activity.objects.get(
        output__outcome__plan=plan_2025, output__outcome__position=1, output__position=1, position=1
    )

    # Edit in place: the form replaces the text, saving re-renders the document.
    page.locator(f"#activity-{first.pk} .part-controls__edit").click()
    textarea = page.locator(f"#activity-{first.pk} textarea[name=text]")
    textarea.fill("Assist the presidency in every aspect of its work.")
    page.locator(f"#activity-{first.pk} form.part-form button[type=submit]").click()
    page.wait_for_selector("text=The activity was saved.")
    assert _first_output_texts(page)[0] == (
        "1.1.1",
        "Assist the presidency in every aspect of its work.",
    )

    # Add an activity at the end of the first output.
    page.locator("text=Add an activity to output 1.1").click()
    form = page.locator("form.part-form")
    form.locator("textarea[name=text]").fill("Brief the incoming presidency.")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("text=The activity was added.")
    texts = _first_output_texts(page)
    assert texts[-1] == ("1.1.5", "Brief the incoming presidency.")

    # Move it up twice: numbers follow the order at once.
    new = Activity.objects.get(text="Brief the incoming presidency.")
    page.locator(f"#activity-{new.pk} button[title='Move up']").click()
    page.wait_for_selector(f"#activity-{new.pk}[data-number='1.1.4']")
    page.locator(f"#activity-{new.pk} button[title='Move up']").click()
    page.wait_for_selector(f"#activity-{new.pk}[data-number='1.1.3']")
    texts = _first_output_texts(page)
    assert [number for number, _ in texts] == ["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5"]
    assert texts[2][1] == "Brief the incoming presidency."
    assert (
        list(
            Activity.objects.filter(output=new.output)
            .order_by("position")
            .values_list("pk", flat=True)
        )[2]
        == new.pk
    )


def test_committee_reads_the_plan(browser_page, plan_2025, committee_user):
    page = browser_page
    _sign_in(page, committee_user)
    page.goto("/workplans/2025/")
    assert page.locator(".paragraph-number").count() == 19
    assert page.locator(".activity-list > li").count() == 39
    assert page.locator(".part-controls__edit").count() == 0
    assert page.locator("text=Add an activity").count() == 0
    assert "Item 10(i) of the provisional agenda" in page.content()
