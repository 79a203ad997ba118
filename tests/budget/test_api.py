"""The budget API: the plan's permissions, locking, derived lines, query counts."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from budget.models import BudgetNote, BudgetParameters, CostLine, StaffPosition
from tests.budget.factories import BudgetNoteFactory, StaffPositionFactory
from tests.factories import CostLineFactory, WorkPlanFactory
from workplan.models import PlanStatus

pytestmark = pytest.mark.django_db
D = Decimal


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def state():
    return (
        list(CostLine.objects.order_by("pk").values_list("amount", "note", "version")),
        list(StaffPosition.objects.order_by("pk").values_list("title", "annual_cost")),
        list(BudgetNote.objects.order_by("pk").values_list("text", "position")),
        list(BudgetParameters.objects.values_list("social_charges_rate", "long_haul_flights")),
    )


def test_detail_has_the_whole_budget(isu_user, plan_2025):
    data = api(isu_user).get("/api/budgets/2025/").json()
    assert data["total"] == "497138.00" and data["total_chf"] == "497'138"
    assert [(x["category"], x["amount"], x["amount_chf"], x["derived"]) for x in data["lines"]] == [
        ("salaries", "364282.00", "364'282", False),
        ("social_charges", "72856.40", "72'856", True),
        ("communication", "20000.00", "20'000", False),
        ("travel", "27000.00", "27'000", False),
        ("other", "13000.00", "13'000", False),
    ]
    assert [p["share_of_time"] for p in data["positions"]] == ["100.00", "100.00", "50.00"]
    assert data["in_kind"][0]["provider"] == "GICHD"
    assert len(data["notes"]) == 2 and len(data["assumptions"]) == 4
    assert data["parameters"]["social_charges_rate"] == "20.00"
    assert data["parameters"]["flights"] == 10
    assert data["previous_year"] is None and data["total_variance"] is None


def test_detail_compares_with_last_year(isu_user, plan_2025):
    previous = WorkPlanFactory(year=2024, status=PlanStatus.APPROVED)
    CostLineFactory(plan=previous, category="travel", amount=D("25000"))
    data = api(isu_user).get("/api/budgets/2025/").json()
    travel = next(row for row in data["comparison"] if row["category"] == "travel")
    assert (travel["previous"], travel["variance"], travel["variance_percent"]) == (
        "25000.00",
        "2000.00",
        "8.0",
    )
    salaries = next(row for row in data["comparison"] if row["category"] == "salaries")
    assert salaries["previous"] is None and salaries["variance_percent"] is None
    assert data["previous_total"] == "25000.00"


def test_list_shows_only_visible_budgets(role_users, plan_2025):
    approved = WorkPlanFactory(year=2024, status=PlanStatus.APPROVED)
    CostLineFactory(plan=approved, category="travel", amount=D("1000.50"))
    assert [b["year"] for b in api(role_users["isu"]).get("/api/budgets/").json()] == [2024, 2025]
    assert [b["year"] for b in api(role_users["delegate_a"]).get("/api/budgets/").json()] == [2024]
    assert api(role_users["delegate_a"]).get("/api/budgets/").json()[0]["total"] == "1001.00"
    assert api().get("/api/budgets/2025/").status_code == 404
    assert api(role_users["delegate_a"]).get("/api/budgets/2025/lines/").status_code == 404


def test_patch_a_line_moves_the_total(isu_user, plan_2025):
    travel = CostLine.objects.get(plan=plan_2025, category="travel")
    client = api(isu_user)
    response = client.patch(
        f"/api/budgets/2025/lines/{travel.pk}/", {"amount": "30000", "version": travel.version}
    )
    assert response.status_code == 200 and response.json()["amount"] == "30000.00"
    assert client.get("/api/budgets/2025/").json()["total"] == "500138.00"


def test_a_stale_patch_is_refused_and_changes_nothing(isu_user, plan_2025):
    travel = CostLine.objects.get(plan=plan_2025, category="travel")
    client = api(isu_user)
    client.patch(f"/api/budgets/2025/lines/{travel.pk}/", {"amount": "31000", "version": 1})
    before = state()
    response = client.patch(f"/api/budgets/2025/lines/{travel.pk}/", {"amount": "1", "version": 1})
    assert response.status_code == 400
    assert "Travel CHF 31'000" in response.json()["detail"][0]
    assert state() == before


def test_derived_and_bad_input_are_refused(isu_user, plan_2025):
    charges = CostLine.objects.get(plan=plan_2025, category="social_charges")
    client = api(isu_user)
    before = state()
    derived = client.patch(
        f"/api/budgets/2025/lines/{charges.pk}/", {"amount": "1", "version": charges.version}
    )
    assert derived.status_code == 400 and "change the rate instead" in derived.json()["detail"][0]
    negative = client.patch(
        f"/api/budgets/2025/lines/{charges.pk}/", {"amount": "-1", "version": charges.version}
    )
    assert negative.status_code == 400 and "amount" in negative.json()
    duplicate = client.post("/api/budgets/2025/lines/", {"category": "travel", "amount": "1"})
    assert duplicate.status_code == 400
    assert state() == before


@pytest.mark.parametrize(
    ("who", "status"), [("committee", 403), ("delegate_a", 404), ("anonymous", 404)]
)
def test_who_may_not_write_changes_nothing(role_users, plan_2025, who, status):
    travel = CostLine.objects.get(plan=plan_2025, category="travel")
    position = StaffPosition.objects.filter(plan=plan_2025).first()
    client = api(role_users[who])
    before = state()
    assert (
        client.patch(
            f"/api/budgets/2025/lines/{travel.pk}/", {"amount": "1", "version": 1}
        ).status_code
        == status
    )
    assert client.delete(f"/api/budgets/2025/lines/{travel.pk}/").status_code == status
    assert (
        client.post(
            "/api/budgets/2025/positions/", {"title": "X", "share_of_time": "10"}
        ).status_code
        == status
    )
    assert client.delete(f"/api/budgets/2025/positions/{position.pk}/").status_code == status
    assert (
        client.post("/api/budgets/2025/notes/", {"kind": "note", "text": "X"}).status_code == status
    )
    assert (
        client.put(
            "/api/budgets/2025/parameters/",
            {
                "social_charges_rate": "50",
                "long_haul_flights": 1,
                "short_or_medium_haul_flights": 1,
            },
        ).status_code
        == status
    )
    assert state() == before


def test_an_approved_plan_refuses_isu_writes(isu_user, plan_2025):
    plan_2025.status = PlanStatus.APPROVED
    plan_2025.save()
    travel = CostLine.objects.get(plan=plan_2025, category="travel")
    before = state()
    response = api(isu_user).patch(
        f"/api/budgets/2025/lines/{travel.pk}/", {"amount": "1", "version": 1}
    )
    assert response.status_code == 403
    assert state() == before


def test_positions_notes_and_parameters(isu_user, plan_2025):
    client = api(isu_user)
    positions = client.get("/api/budgets/2025/positions/").json()
    for position, cost in zip(positions, ["160000", "130000", "74282"], strict=True):
        response = client.patch(
            f"/api/budgets/2025/positions/{position['id']}/",
            {"annual_cost": cost, "version": position["version"]},
        )
        assert response.status_code == 200
    lines = {x["category"]: x for x in client.get("/api/budgets/2025/lines/").json()}
    assert lines["salaries"]["amount"] == "364282.00" and lines["salaries"]["derived"]
    parameters = client.get("/api/budgets/2025/parameters/").json()
    response = client.put(
        "/api/budgets/2025/parameters/",
        {
            "social_charges_rate": "20",
            "long_haul_flights": 5,
            "short_or_medium_haul_flights": 5,
            "flight_class": "economy",
            "version": parameters["version"],
        },
        format="json",
    )
    assert response.status_code == 200 and response.json()["flights"] == 10
    notes = client.get("/api/budgets/2025/notes/?kind=note").json()
    assert notes[1]["text"].endswith("(5 long haul and 5 short or medium haul).")
    assumptions = client.get("/api/budgets/2025/notes/?kind=assumption").json()
    moved = client.post(
        f"/api/budgets/2025/notes/{assumptions[2]['id']}/move/",
        {"to": 1, "version": assumptions[2]["version"]},
    )
    assert moved.status_code == 200 and moved.json()["position"] == 0
    created = client.post("/api/budgets/2025/notes/", {"kind": "assumption", "text": "New."})
    assert created.status_code == 201 and created.json()["position"] == 4
    gone = client.delete(f"/api/budgets/2025/notes/{created.json()['id']}/?version=1")
    assert gone.status_code == 204
    in_kind = client.get("/api/budgets/2025/in-kind/").json()
    assert in_kind[0]["item"] == "Administrative Expenses"


def test_envelopes(isu_user, committee_user):
    assert (
        api(committee_user)
        .post("/api/budget-envelopes/", {"year": 2025, "amount": "1"})
        .status_code
        == 403
    )
    response = api(isu_user).post("/api/budget-envelopes/", {"year": 2025, "amount": "500000"})
    assert response.status_code == 200 and response.json()["amount"] == "500000.00"
    assert api(committee_user).get("/api/budget-envelopes/").json()[0]["year"] == 2025


def _grow(plan):
    for index in range(30):
        StaffPositionFactory(plan=plan, title=f"Officer {index}")
        BudgetNoteFactory(plan=plan, kind="note")
        BudgetNoteFactory(plan=plan, kind="assumption")


@pytest.mark.parametrize(
    "path",
    [
        "/api/budgets/",
        "/api/budgets/2025/",
        "/api/budgets/2025/lines/",
        "/api/budgets/2025/positions/",
        "/api/budgets/2025/notes/",
        "/api/budgets/2025/in-kind/",
    ],
)
def test_api_query_counts_do_not_grow(isu_user, plan_2025, path, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = api(isu_user)
    client.get(path)  # the user's groups are read once per user, then cached
    with CaptureQueriesContext(connection) as small:
        assert client.get(path).status_code == 200
    _grow(plan_2025)
    for year in range(2030, 2040):
        CostLineFactory(plan=WorkPlanFactory(year=year), category="travel")
    with CaptureQueriesContext(connection) as large:
        assert client.get(path).status_code == 200
    assert len(small.captured_queries) == len(large.captured_queries) <= 12


def test_list_filters_by_year_and_status(isu_user, plan_2025):
    WorkPlanFactory(year=2024, status=PlanStatus.APPROVED)
    client = api(isu_user)
    assert [b["year"] for b in client.get("/api/budgets/?status=approved").json()] == [2024]
    assert [b["year"] for b in client.get("/api/budgets/?year=2025").json()] == [2025]
    assert client.get("/api/budgets/?year=2025").json()[0]["total_chf"] == "497'138"
