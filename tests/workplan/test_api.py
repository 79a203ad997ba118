"""The work plan API: the nested detail, filters, every part's create/update/delete/move with the
same rules as the pages, and who may do what."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from workplan.generate import generated_plan_create
from workplan.models import Activity, LetteredItem, Outcome, Paragraph, PlanStatus, WorkPlan
from workplan.selectors import plan_counts

pytestmark = pytest.mark.django_db


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _snapshot(plan):
    return (
        plan_counts(plan=plan),
        list(
            Activity.objects.filter(output__outcome__plan=plan)
            .order_by("id")
            .values_list("id", "text", "position", "version")
        ),
    )


def test_detail_is_whole_and_numbered(plan_2025, committee_user):
    response = api(committee_user).get(reverse("api-workplan-detail", args=[2025]))
    assert response.status_code == 200
    data = response.json()
    assert data["symbol"] == "CCM/MSP/2024/3"
    assert data["meeting"]["short_name"] == "12MSP"
    assert [s["numeral"] for s in data["sections"]] == ["I", "II", "III", "IV", "V", "VI"]
    mandate = data["sections"][0]["paragraphs"][0]
    assert mandate["number"] == 1
    assert [i["letter"] for i in mandate["items"]] == list("abcdefg")
    priorities = data["sections"][2]["subsections"]
    assert [s["letter"] for s in priorities] == list("ABCDEFGHIJ")
    assert priorities[2]["thematic_area"] == {
        "code": "stockpile-destruction",
        "name": "Article 3: stockpile destruction and retention",
        "article": 3,
    }
    assert [s["paragraphs"][0]["number"] for s in priorities] == list(range(4, 14))
    activities = [a for o in data["outcomes"] for p in o["outputs"] for a in p["activities"]]
    assert len(activities) == 39
    assert activities[0]["number"] == "1.1.1"
    assert len(data["summary"]["specific_objectives"]) == 9
    assert data["summary"]["budget_total"] == "497138"


def test_token_authentication(plan_2025, isu_user):
    token = Token.objects.create(user=isu_user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get(reverse("api-workplan-detail", args=[2025])).status_code == 200


@pytest.mark.parametrize(("role", "code"), [("anonymous", 403), ("delegate_a", 404)])
def test_draft_hidden(plan_2025, role_users, role, code):
    response = api(role_users[role]).get(reverse("api-workplan-detail", args=[2025]))
    assert (
        response.status_code in (401, 403) if role == "anonymous" else response.status_code == code
    )


def test_list_filters(plan_2025, isu_user, delegate_a):
    generated_plan_create(year=2023, status=PlanStatus.APPROVED)
    url = reverse("api-workplan-list")
    assert [p["year"] for p in api(isu_user).get(url).json()["results"]] == [2025, 2023]
    assert [p["year"] for p in api(isu_user).get(url, {"year": 2023}).json()["results"]] == [2023]
    drafts = api(isu_user).get(url, {"status": "draft"}).json()["results"]
    assert [p["year"] for p in drafts] == [2025]
    assert [p["year"] for p in api(delegate_a).get(url).json()["results"]] == [2023]
    assert api(isu_user).get(url, {"status": "nonsense"}).status_code == 400


def test_activity_lifecycle(plan_2025, isu_user, activities_of):
    client = api(isu_user)
    output_id = activities_of()[0].output_id
    base = "/api/workplans/2025/activities/"
    response = client.post(
        base,
        {"output": output_id, "text": "New via API.", "position": 1, "articles": [4]},
        format="json",
    )
    assert response.status_code == 201, response.json()
    new = response.json()
    assert (new["position"], new["version"], new["articles"]) == (1, 1, [4])
    assert activities_of()[0].text == "New via API."
    response = client.patch(f"{base}{new['id']}/", {"text": "Edited.", "version": 1}, format="json")
    assert response.status_code == 200
    assert response.json()["version"] == 2
    response = client.post(f"{base}{new['id']}/move/", {"position": 5}, format="json")
    assert response.status_code == 200
    assert activities_of()[-1].pk == new["id"]
    assert client.delete(f"{base}{new['id']}/?version=3").status_code == 204
    assert len(activities_of()) == 4


def test_stale_update_refused(plan_2025, isu_user, activities_of):
    activity = activities_of()[0]
    client = api(isu_user)
    url = f"/api/workplans/2025/activities/{activity.pk}/"
    assert client.patch(url, {"text": "First.", "version": 1}, format="json").status_code == 200
    before = _snapshot(plan_2025)
    response = client.patch(url, {"text": "Second.", "version": 1}, format="json")
    assert response.status_code == 400
    assert "First." in response.json()["detail"][0]
    assert _snapshot(plan_2025) == before


@pytest.mark.parametrize(
    "payload",
    [
        {"text": "", "version": 1},
        {"text": "x" * 4001, "version": 1},
        {"text": "ok"},
        {"text": "ok", "version": 1, "articles": [77]},
    ],
)
def test_bad_update_changes_nothing(plan_2025, isu_user, activities_of, payload):
    activity = activities_of()[0]
    before = _snapshot(plan_2025)
    response = api(isu_user).patch(
        f"/api/workplans/2025/activities/{activity.pk}/", payload, format="json"
    )
    assert response.status_code == 400
    assert _snapshot(plan_2025) == before


def test_impossible_move_and_foreign_parent(plan_2025, isu_user, activities_of):
    activity = activities_of()[0]
    other = generated_plan_create(year=2090)
    foreign_output = other.outcomes.first().outputs.first()
    before = _snapshot(plan_2025)
    client = api(isu_user)
    response = client.post(
        f"/api/workplans/2025/activities/{activity.pk}/move/", {"position": 0}, format="json"
    )
    assert response.status_code == 400
    assert "impossible" in response.json()["detail"][0]
    response = client.post(
        "/api/workplans/2025/activities/",
        {"output": foreign_output.pk, "text": "Misplaced."},
        format="json",
    )
    assert response.status_code == 400
    assert "no output" in response.json()["detail"][0]
    assert _snapshot(plan_2025) == before
    # A part of another plan is not found under this plan's address.
    other_activity = Activity.objects.filter(output=foreign_output).first()
    url = f"/api/workplans/2025/activities/{other_activity.pk}/"
    assert client.get(url).status_code == 404


def test_every_part_kind(plan_2025, isu_user):
    client = api(isu_user)
    paragraph = Paragraph.objects.get(section__plan=plan_2025, section__position=1)
    cases = [
        ("paragraphs", {"section": paragraph.section_id, "text": "New paragraph."}),
        ("items", {"paragraph": paragraph.pk, "text": "New item;", "lap_actions": [1]}),
        ("outcomes", {"text": "New outcome."}),
        ("outputs", {"outcome": Outcome.objects.filter(plan=plan_2025).first().pk, "text": "O."}),
        ("summary-items", {"kind": "expected_outcome", "text": "New expected outcome."}),
    ]
    for plural, payload in cases:
        response = client.post(f"/api/workplans/2025/{plural}/", payload, format="json")
        assert response.status_code == 201, (plural, response.json())
        pk = response.json()["id"]
        response = client.patch(
            f"/api/workplans/2025/{plural}/{pk}/", {"text": "Changed.", "version": 1}, format="json"
        )
        assert response.status_code == 200, (plural, response.json())
        response = client.post(
            f"/api/workplans/2025/{plural}/{pk}/move/", {"position": 1}, format="json"
        )
        assert response.status_code == 200, (plural, response.json())
        assert client.delete(f"/api/workplans/2025/{plural}/{pk}/").status_code == 204
    assert plan_counts(plan=plan_2025)["lettered items"] == 61
    assert LetteredItem.objects.filter(text="Changed.").count() == 0


@pytest.mark.parametrize("role", ["committee", "delegate_a"])
def test_writes_forbidden(plan_2025, role_users, role, activities_of):
    activity = activities_of()[0]
    client = api(role_users[role])
    before = _snapshot(plan_2025)
    url = f"/api/workplans/2025/activities/{activity.pk}/"
    assert client.patch(url, {"text": "x", "version": 1}, format="json").status_code == 403
    assert client.delete(url).status_code == 403
    assert client.post(f"{url}move/", {"position": 2}, format="json").status_code == 403
    assert client.post("/api/workplans/2025/copy/").status_code == 403
    assert client.post("/api/workplans/", {"year": 2040}, format="json").status_code == 403
    assert _snapshot(plan_2025) == before
    assert WorkPlan.objects.count() == 1


def test_plan_create_update_copy_delete(plan_2025, isu_user):
    client = api(isu_user)
    response = client.post("/api/workplans/", {"year": 2040}, format="json")
    assert response.status_code == 201
    assert client.post("/api/workplans/", {"year": 2040}, format="json").status_code == 400
    response = client.patch(
        "/api/workplans/2040/", {"version": 1, "symbol": "CCM/MSP/2039/3"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["version"] == 2
    stale = client.patch("/api/workplans/2040/", {"version": 1, "symbol": "X"}, format="json")
    assert stale.status_code == 400
    assert client.post("/api/workplans/2025/copy/").status_code == 201
    assert plan_counts(plan=WorkPlan.objects.get(year=2026)) == plan_counts(plan=plan_2025)
    assert client.delete("/api/workplans/2040/").status_code == 204
    assert sorted(WorkPlan.objects.values_list("year", flat=True)) == [2025, 2026]


def test_schema_lists_the_workplan_api(isu_user):
    response = api(isu_user).get("/api/schema/")
    assert response.status_code == 200
    schema = response.content.decode()
    assert "/api/workplans/{year}/activities/{id}/move/" in schema


def test_unknown_year_and_part_are_404(plan_2025, isu_user):
    client = api(isu_user)
    assert client.get("/api/workplans/1999/").status_code == 404
    assert client.get("/api/workplans/2025/activities/999999/").status_code == 404
    assert client.patch("/api/workplans/1999/", {"version": 1}, format="json").status_code == 404
