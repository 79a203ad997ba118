"""The review API follows the same rules as the pages."""

import pytest
from django.core import mail
from rest_framework.test import APIClient

from review import services
from review.models import Comment, PlanVersion, Transition
from tests.factories import DelegateFactory
from workplan.models import LetteredItem, PlanStatus

pytestmark = pytest.mark.django_db


def api(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_workflow_through_the_api(plan, staff, member, django_capture_on_commit_callbacks):
    base = f"/api/workplans/{plan.year}/review/"
    with django_capture_on_commit_callbacks(execute=True):
        response = api(staff).post(base + "submit/", {}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["to_status"] == PlanStatus.UNDER_REVIEW
    assert response.json()["version"] == 1
    status = api(member).get(base).json()
    assert status["actions"] == ["request_changes", "endorse"]
    assert status["current_version"] == 1
    response = api(member).post(base + "endorse/", {}, format="json")
    assert response.status_code == 201
    response = api(staff).post(base + "circulate/", {}, format="json")
    assert response.status_code == 201
    status = api(staff).get(base).json()
    assert status["status"] == "circulated" and status["endorsed_version"] == 1
    assert [t["action"] for t in status["transitions"]] == ["submit", "endorse", "circulate"]


def test_forbidden_step_is_400_and_changes_nothing(plan, member):
    response = api(member).post(f"/api/workplans/{plan.year}/review/submit/", {}, format="json")
    assert response.status_code == 400
    assert "Only ISU staff" in str(response.json())
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    assert not PlanVersion.objects.exists() and not Transition.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "path",
    [
        "review/",
        "versions/",
        "versions/1/",
        "redline/?old=1&new=1",
        "comments/",
    ],
)
def test_outsiders_get_404(plan, staff, member, path):
    services.plan_submit(plan=plan, user=staff)
    services.plan_endorse(plan=plan, user=member)
    services.plan_circulate(plan=plan, user=staff)
    url = f"/api/workplans/{plan.year}/{path}"
    assert api(staff).get(url).status_code == 200
    assert api(DelegateFactory()).get(url).status_code == 404
    assert api(None).get(url).status_code == 404


def test_outsider_posts_change_nothing(plan):
    delegate = DelegateFactory()
    base = f"/api/workplans/{plan.year}/"
    assert api(delegate).post(base + "review/submit/", {}, format="json").status_code == 404
    assert api(delegate).post(base + "comments/", {"body": "x"}, format="json").status_code == 404
    assert not Comment.objects.exists() and not Transition.objects.exists()


def test_versions_and_redline(plan, staff, member):
    from workplan import services as workplan_services
    from workplan.models import Paragraph

    services.plan_submit(plan=plan, user=staff)
    services.plan_request_changes(plan=plan, user=member, reason="More.")
    services.plan_revise(plan=plan, user=staff)
    paragraph = Paragraph.objects.get(text="It reports to the Meeting.")
    workplan_services.part_update(
        part=paragraph, text="It reports yearly to the Meeting.", version=1, user=staff
    )
    services.plan_submit(plan=plan, user=staff)
    versions = api(member).get(f"/api/workplans/{plan.year}/versions/").json()
    assert [v["number"] for v in versions] == [2, 1]
    detail = api(member).get(f"/api/workplans/{plan.year}/versions/1/").json()
    assert detail["content"]["sections"][0]["paragraphs"][1]["text"] == paragraph.text.replace(
        "yearly ", ""
    )
    redline = api(member).get(f"/api/workplans/{plan.year}/redline/?old=1&new=2").json()
    [change] = redline["changes"]
    assert change["label"] == "Paragraph 2"
    assert {"op": "insert", "text": "yearly "} in change["segments"]
    bad = api(member).get(f"/api/workplans/{plan.year}/redline/?old=1")
    assert bad.status_code == 400
    assert api(member).get(f"/api/workplans/{plan.year}/redline/?old=1&new=9").status_code == 404


def test_comments_through_the_api(plan, staff, member):
    item = LetteredItem.objects.get()
    url = f"/api/workplans/{plan.year}/comments/"
    response = api(member).post(url, {"body": "Why?", "anchor": f"item:{item.pk}"}, format="json")
    assert response.status_code == 201, response.content
    root = response.json()
    assert root["anchor"] == f"item:{item.pk}" and root["anchor_label"] == "Paragraph 1(a)"
    reply = api(staff).post(url, {"body": "Because.", "parent": root["id"]}, format="json")
    assert reply.status_code == 201 and reply.json()["parent"] == root["id"]
    bad = api(member).post(url, {"body": "x", "anchor": "paragraph:0"}, format="json")
    assert bad.status_code == 400 and Comment.objects.count() == 2
    listed = api(member).get(url).json()
    assert [c["body"] for c in listed] == ["Why?", "Because."]
    resolved = api(staff).post(f"{url}{root['id']}/resolve/").json()
    assert resolved["resolved_at"]


def test_awaiting_list(plan, staff, member):
    services.plan_submit(plan=plan, user=staff)
    rows = api(member).get("/api/review/awaiting/").json()
    assert [(r["year"], r["version"]) for r in rows] == [(plan.year, 1)]
    services.plan_endorse(plan=plan, user=member)
    assert api(member).get("/api/review/awaiting/").json() == []
    assert api(DelegateFactory()).get("/api/review/awaiting/").status_code == 404


def test_endorsing_a_version_that_is_no_longer_current_is_refused(plan, staff, member):
    services.plan_submit(plan=plan, user=staff)
    url = f"/api/workplans/{plan.year}/review/endorse/"
    response = api(member).post(url, {"version_number": 2}, format="json")
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.status == PlanStatus.UNDER_REVIEW and Transition.objects.count() == 1
    response = api(member).post(url, {"version_number": 1}, format="json")
    assert response.status_code == 201 and response.json()["version"] == 1
