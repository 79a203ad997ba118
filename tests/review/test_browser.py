"""The review journey in a real browser: submit, comment, request changes, revise, resubmit,
read the redline, endorse, circulate; a delegate then reads the plan and downloads its PDF, a
visitor still cannot."""

import pytest

from review.models import Comment, PlanVersion, Transition
from tests.factories import DelegateFactory
from workplan.models import Paragraph, PlanStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(page, sign_in, user):
    page.context.clear_cookies()
    sign_in(page, user.username)


def test_review_journey(browser_page, sign_in, plan, staff, member, state_a):
    page = browser_page
    year = plan.year
    paragraph = Paragraph.objects.get(text="It reports to the Meeting.")

    # ISU staff submit the draft from the status box of the plan page.
    _as(page, sign_in, staff)
    page.goto(f"/workplans/{year}/")
    page.get_by_role("link", name="Review, versions and actions").click()
    page.get_by_role("button", name="Submit to the Coordination Committee").click()
    page.get_by_text("the plan is now under coordination committee review").wait_for()

    # A Committee member finds it awaiting review, comments on paragraph 2, requests changes.
    _as(page, sign_in, member)
    page.goto("/review/")
    page.get_by_role("link", name=plan.title).click()
    page.get_by_role("link", name="Comments").first.click()
    page.get_by_label("About").select_option(label="Paragraph 2")
    page.get_by_role("textbox", name="Comment").fill("How often does the ISU report?")
    page.get_by_role("button", name="Add the comment").click()
    page.get_by_text("Your comment on Paragraph 2 was added.").wait_for()
    assert Comment.objects.get().anchor == paragraph
    page.get_by_role("link", name="Status and actions").click()
    page.locator("#reason-request_changes").fill("Say how often the ISU reports.")
    page.get_by_role("button", name="Request changes").click()
    page.get_by_text("the plan is now changes requested").wait_for()

    # Staff take it back, edit paragraph 2 in place and resubmit.
    _as(page, sign_in, staff)
    page.goto(f"/workplans/{year}/review/")
    page.get_by_role("button", name="Return to draft and revise").click()
    page.get_by_text("the plan is now draft").wait_for()
    page.goto(f"/workplans/{year}/")
    page.locator(f"#paragraph-{paragraph.pk} .part-controls__edit").click()
    page.locator(f"#paragraph-{paragraph.pk} textarea[name=text]").fill(
        "It reports yearly to the Meeting."
    )
    page.locator(f"#paragraph-{paragraph.pk} form.part-form button[type=submit]").click()
    page.wait_for_selector("text=It reports yearly to the Meeting.")
    page.goto(f"/workplans/{year}/review/")
    page.get_by_role("button", name="Submit to the Coordination Committee").click()
    page.get_by_text("the plan is now under coordination committee review").wait_for()
    assert PlanVersion.objects.filter(plan=plan).count() == 2

    # The member sees what changed since their review, then endorses version 2.
    _as(page, sign_in, member)
    page.goto("/review/")
    page.get_by_role("link", name="What changed since your last review").click()
    page.get_by_role("heading", name="Changes from version 1 to version 2").wait_for()
    inserted = page.locator(".redline-passage ins.redline")
    assert inserted.count() == 1 and "yearly" in inserted.inner_text()
    page.goto(f"/workplans/{year}/review/")
    page.get_by_role("button", name="Endorse this version").click()
    page.get_by_text("the plan is now endorsed by the coordination committee").wait_for()

    # Staff circulate the endorsed version.
    _as(page, sign_in, staff)
    page.goto(f"/workplans/{year}/review/")
    page.get_by_role("button", name="Circulate to States Parties").click()
    page.get_by_text("the plan is now circulated to states parties").wait_for()
    circulated = Transition.objects.get(plan=plan, action="circulate")
    assert circulated.version.number == 2

    # A delegate reads the circulated plan (no review, no comments); a visitor cannot yet.
    delegate = DelegateFactory(state=state_a)
    _as(page, sign_in, delegate)
    page.goto(f"/workplans/{year}/")
    page.get_by_text("Circulated to States Parties").first.wait_for()
    assert "How often does the ISU report?" not in page.content()
    # The delegate downloads the official PDF from the link on the plan page.
    pdf_link = page.get_by_role("navigation", name="Official document").get_by_role(
        "link", name="PDF"
    )
    pdf = page.context.request.get(pdf_link.get_attribute("href"))
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    assert page.goto(f"/workplans/{year}/review/comments/").status == 404
    page.context.clear_cookies()
    assert page.goto(f"/workplans/{year}/").status == 404
    # Until the Meeting of States Parties approves it, a visitor cannot get the PDF either.
    assert page.context.request.get(f"/workplans/{year}/document.pdf").status == 404
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CIRCULATED
