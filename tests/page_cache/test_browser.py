"""The page cache in a real browser: staff see every edit at once, and a signed-out browser
gets nothing of what was kept for it."""

import pytest

from workplan.models import Activity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kept_pages_follow_every_edit_and_end_with_sign_out(
    browser_page, plan_2025, isu_user, sign_in, settings
):
    settings.PAGE_CACHE_ENABLED = True
    page = browser_page
    sign_in(page, isu_user.username)
    assert page.goto("/workplans/2025/").headers["x-page-cache"] == "miss"
    kept = page.goto("/workplans/2025/")
    assert kept.headers["x-page-cache"] == "hit"

    # The kept page's in-place editor still works (its CSRF token is the browser's).
    first = Activity.objects.get(
        output__outcome__plan=plan_2025, output__outcome__position=1, output__position=1, position=1
    )
    page.locator(f"#activity-{first.pk} .part-controls__edit").click()
    page.locator(f"#activity-{first.pk} textarea[name=text]").fill("Edited on a kept page.")
    page.locator(f"#activity-{first.pk} form.part-form button[type=submit]").click()
    page.wait_for_selector("text=The activity was saved.")

    reloaded = page.reload()
    assert reloaded.headers["x-page-cache"] == "miss"
    assert page.locator(f"#activity-{first.pk}").inner_text().count("Edited on a kept page.") == 1
    assert page.goto("/workplans/2025/").headers["x-page-cache"] == "hit"

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    after = page.goto("/workplans/2025/")
    assert after.status == 404
    assert after.headers.get("x-page-cache") != "hit"
    assert page.locator("text=Edited on a kept page.").count() == 0
