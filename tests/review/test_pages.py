"""The review pages: who sees them, the forms, the redline (browser and PDF) and comments."""

import pytest
from django.core import mail

from review import services
from review.models import Comment, PlanVersion, Transition
from tests.factories import CommitteeMemberFactory, DelegateFactory
from workplan import services as workplan_services
from workplan.models import LetteredItem, Paragraph, PlanStatus

pytestmark = pytest.mark.django_db

PAGES = ["review/", "review/versions/", "review/redline/", "review/comments/"]


def _revised(plan, staff, member):
    """Version 1, changes requested, one word changed in paragraph 2, version 2."""
    services.plan_submit(plan=plan, user=staff)
    services.plan_request_changes(plan=plan, user=member, reason="Say how often.")
    services.plan_revise(plan=plan, user=staff)
    paragraph = Paragraph.objects.get(text="It reports to the Meeting.")
    workplan_services.part_update(
        part=paragraph,
        text="It reports yearly to the Meeting of States Parties.",
        version=1,
        user=staff,
    )
    services.plan_submit(plan=plan, user=staff)


@pytest.mark.parametrize("page", PAGES)
def test_review_pages_are_for_staff_and_committee_only(client_for, plan, staff, member, page):
    services.plan_submit(plan=plan, user=staff)
    services.plan_endorse(plan=plan, user=member)
    services.plan_circulate(plan=plan, user=staff)  # delegates may now read the plan itself
    services.comment_add(plan=plan, user=member, body="An internal remark on scope.")
    delegate = DelegateFactory()
    url = f"/workplans/{plan.year}/{page}"
    assert client_for(staff).get(url).status_code == 200
    assert client_for(member).get(url).status_code == 200
    for outsider in (delegate, None):
        response = client_for(outsider).get(url)
        assert response.status_code == 404
        assert b"internal remark" not in response.content
    assert client_for(delegate).get(f"/workplans/{plan.year}/").status_code == 200


def test_delegate_sees_no_comment_on_the_plan_page(client_for, plan, staff, member):
    services.comment_add(plan=plan, user=member, body="A secret remark on scope.")
    services.plan_submit(plan=plan, user=staff)
    services.plan_endorse(plan=plan, user=member)
    services.plan_circulate(plan=plan, user=staff)
    page = client_for(DelegateFactory()).get(f"/workplans/{plan.year}/").content.decode()
    assert "A secret remark" not in page and "Open comments" not in page
    assert "Circulated to States Parties" in page


def test_comment_posts_by_outsiders_change_nothing(client_for, plan):
    delegate = DelegateFactory()
    for outsider in (delegate, None):
        response = client_for(outsider).post(
            f"/workplans/{plan.year}/review/comments/", {"anchor": "", "body": "Hello"}
        )
        assert response.status_code == 404
    assert not Comment.objects.exists() and mail.outbox == []


def test_transition_by_form_and_refusal_message(client_for, plan, staff, member):
    client = client_for(member)
    response = client.post(f"/workplans/{plan.year}/review/submit/", {"reason": ""})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT and not Transition.objects.exists()
    page = client.get(f"/workplans/{plan.year}/review/").content.decode()
    assert "Only ISU staff may do this" in page
    client_for(staff).post(f"/workplans/{plan.year}/review/submit/", {"reason": ""})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.UNDER_REVIEW
    page = client_for(member).get(f"/workplans/{plan.year}/review/").content.decode()
    assert "Endorse this version" in page and "Request changes" in page


def test_outsider_transition_post_is_404_and_changes_nothing(client_for, plan):
    response = client_for(DelegateFactory()).post(f"/workplans/{plan.year}/review/submit/")
    assert response.status_code == 404
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT and not PlanVersion.objects.exists()


def test_plan_page_shows_status_countdown_and_void(client_for, plan, staff, member):
    services.plan_submit(plan=plan, user=staff)
    services.plan_endorse(plan=plan, user=member)
    services.plan_reopen(plan=plan, user=staff, reason="A figure was wrong.")
    page = client_for(staff).get(f"/workplans/{plan.year}/").content.decode()
    assert "Circulation deadline" in page and "days left" in page
    assert "Endorsement void" in page and "A figure was wrong." in page


def test_redline_shows_exact_insertions_and_deletions(client_for, plan, staff, member):
    from review.selectors import redline_between

    _revised(plan, staff, member)
    result = redline_between(plan=plan, old=1, new=2)
    [change] = result.changes
    assert change.label == "Paragraph 2"
    assert change.inserted_words == ["yearly", "Meeting", "of", "States", "Parties."]
    assert change.deleted_words == ["Meeting."]
    page = client_for(member).get(f"/workplans/{plan.year}/review/redline/").content.decode()
    assert (
        '<ins class="redline"><span class="visually-hidden">[inserted: </span>yearly '
        '<span class="visually-hidden">]</span></ins>' in page
    )
    assert '<del class="redline"><span class="visually-hidden">[deleted: </span>Meeting.' in page
    assert "Changes from version 1 to version 2" in page


def test_redline_of_added_removed_items_and_budget(plan, staff, member):
    from review.selectors import redline_between
    from tests.factories import CostLineFactory

    line = CostLineFactory(plan=plan, amount="1000.00", note="Printing")
    services.plan_submit(plan=plan, user=staff)
    services.plan_request_changes(plan=plan, user=member, reason="Budget.")
    services.plan_revise(plan=plan, user=staff)
    item = LetteredItem.objects.get(text="Advice on clearance.")
    workplan_services.part_delete(part=item, user=staff)
    from budget import services as budget_services

    budget_services.cost_line_update(line=line, amount="1500.00", note="Printing")
    services.plan_submit(plan=plan, user=staff)
    changes = {d.label: d for d in redline_between(plan=plan, old=1, new=2).changes}
    assert changes["Paragraph 1(a)"].change == "removed"
    budget = changes["Budget line: Communication"]
    assert budget.deleted_words == ["1,000"] or budget.deleted_words[0].startswith("1")
    assert changes["Budget total"].change == "changed"


def test_redline_pdf_annex(client_for, plan, staff, member):
    from io import BytesIO

    from pypdf import PdfReader

    _revised(plan, staff, member)
    response = client_for(staff).get(f"/workplans/{plan.year}/review/redline.pdf?old=1&new=2")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(response.content)).pages)
    assert "Paragraph 2" in text and "yearly" in text
    assert client_for(None).get(f"/workplans/{plan.year}/review/redline.pdf").status_code == 404


def test_the_member_sees_what_changed_since_their_last_review(client_for, plan, staff, member):
    services.plan_submit(plan=plan, user=staff)
    services.plan_request_changes(plan=plan, user=member, reason="More.")  # reviewed version 1
    for text in ("Second text.", "Third text."):
        services.plan_revise(plan=plan, user=staff)
        paragraph = Paragraph.objects.filter(section__plan=plan).order_by("position").last()
        workplan_services.part_update(
            part=paragraph, text=text, version=paragraph.version, user=staff
        )
        services.plan_submit(plan=plan, user=staff)
        if text == "Second text.":
            services.plan_request_changes(plan=plan, user=CommitteeMemberFactory(), reason="Again.")
    overview = client_for(member).get(f"/workplans/{plan.year}/review/").content.decode()
    assert "You last reviewed version 1." in overview
    page = client_for(member).get(f"/workplans/{plan.year}/review/redline/").content.decode()
    assert "Changes from version 1 to version 3" in page
    # Reading it counts as reviewing version 3: nothing is left to see.
    overview = client_for(member).get(f"/workplans/{plan.year}/review/").content.decode()
    assert "You last reviewed version" not in overview
    other = client_for(staff).get(f"/workplans/{plan.year}/review/redline/").content.decode()
    assert "Changes from version 2 to version 3" in other


def test_comments_threaded_anchored_and_resolvable(client_for, plan, staff, member):
    paragraph = Paragraph.objects.get(text="The ISU supports States Parties.")
    item = LetteredItem.objects.get()
    client = client_for(member)
    response = client.post(
        f"/workplans/{plan.year}/review/comments/",
        {"anchor": f"item:{item.pk}", "body": "Which States?"},
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.anchor == item and comment.anchor_label == "Paragraph 1(a)"
    client_for(staff).post(
        f"/workplans/{plan.year}/review/comments/{comment.pk}/reply/", {"body": "All of them."}
    )
    reply = Comment.objects.get(parent=comment)
    assert reply.anchor_label == "Paragraph 1(a)"
    other_member = CommitteeMemberFactory()
    client_for(other_member).post(f"/workplans/{plan.year}/review/comments/{comment.pk}/resolve/")
    comment.refresh_from_db()
    assert comment.resolved_at is None  # not the author, not staff
    client.post(f"/workplans/{plan.year}/review/comments/{comment.pk}/resolve/")
    comment.refresh_from_db()
    assert comment.resolved_by == member
    page = client.get(f"/workplans/{plan.year}/review/comments/").content.decode()
    assert "Which States?" in page and "All of them." in page and "Resolved" in page
    assert f'value="paragraph:{paragraph.pk}"' in page


def test_bad_comment_input_is_refused_with_a_message(client_for, plan, member):
    client = client_for(member)
    response = client.post(f"/workplans/{plan.year}/review/comments/", {"anchor": "", "body": " "})
    assert response.status_code == 400
    response = client.post(
        f"/workplans/{plan.year}/review/comments/", {"anchor": "paragraph:999999", "body": "Hi"}
    )
    assert response.status_code == 400
    assert "valid choice" in response.content.decode()
    assert not Comment.objects.exists()


def test_awaiting_my_review(client_for, plan, staff, member, member2):
    services.plan_submit(plan=plan, user=staff)
    page = client_for(member).get("/review/").content.decode()
    assert plan.title in page
    services.plan_request_changes(plan=plan, user=member, reason="More.")
    services.plan_revise(plan=plan, user=staff)
    services.plan_submit(plan=plan, user=staff)
    assert (
        "What changed since your last review" in client_for(member).get("/review/").content.decode()
    )
    # member2 decided on version 2: it leaves their list, not member's.
    from django.conf import settings

    settings.ENDORSEMENT_RULE = "quorum:2"
    services.plan_endorse(plan=plan, user=member2)
    assert plan.title not in client_for(member2).get("/review/").content.decode()
    assert plan.title in client_for(member).get("/review/").content.decode()
    assert client_for(DelegateFactory()).get("/review/").status_code == 404
    assert client_for(None).get("/review/").status_code == 404


def test_circulation_opens_the_plan_to_delegates_and_approval_to_everyone(
    client_for, plan, staff, member
):
    delegate = DelegateFactory()
    url = f"/workplans/{plan.year}/"

    def seen():
        return (client_for(delegate).get(url).status_code, client_for(None).get(url).status_code)

    services.plan_submit(plan=plan, user=staff)
    services.plan_endorse(plan=plan, user=member)
    assert seen() == (404, 404)
    services.plan_circulate(plan=plan, user=staff)
    assert seen() == (200, 404)
    services.plan_approve(plan=plan, user=staff)
    assert seen() == (200, 200)


def test_late_circulation_form_needs_confirmation_and_reason(client_for, plan, staff, member):
    import datetime as dt

    from django.utils import timezone

    plan.meeting.start_date = timezone.localdate() + dt.timedelta(days=10)
    plan.meeting.save()
    services.plan_submit(plan=plan, user=staff)
    services.plan_endorse(plan=plan, user=member)
    client = client_for(staff)
    page = client.get(f"/workplans/{plan.year}/review/").content.decode()
    assert "I confirm the circulation after the deadline" in page
    assert "Deadline passed 50 days ago" in page
    client.post(f"/workplans/{plan.year}/review/circulate/", {"reason": "Late."})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ENDORSED
    assert (
        "Confirm the late circulation"
        in client.get(f"/workplans/{plan.year}/review/").content.decode()
    )
    client.post(
        f"/workplans/{plan.year}/review/circulate/",
        {"reason": "The Committee met late.", "confirm_late": "on"},
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CIRCULATED
    entry = Transition.objects.get(plan=plan, action="circulate")
    assert entry.late and entry.reason == "The Committee met late."
    page = client.get(f"/workplans/{plan.year}/").content.decode()
    assert "after the deadline: The Committee met late." in page


def test_resolve_rules(client_for, plan, staff, member):
    from isu_portal.errors import DomainError

    root = services.comment_add(plan=plan, user=member, body="Root.")
    reply = services.comment_add(plan=plan, user=staff, body="Reply.", parent=root)
    nested = services.comment_add(plan=plan, user=member, body="Nested.", parent=reply)
    assert nested.parent == root  # replies join the thread's root
    with pytest.raises(DomainError, match="first comment"):
        services.comment_resolve(comment=reply, user=staff)
    services.comment_resolve(comment=root, user=staff)
    with pytest.raises(DomainError, match="already resolved"):
        services.comment_resolve(comment=root, user=staff)
    delegate = DelegateFactory()
    with pytest.raises(DomainError):
        services.comment_add(plan=plan, user=delegate, body="Me too.")
    assert Comment.objects.count() == 3
