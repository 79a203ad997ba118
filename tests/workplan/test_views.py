"""The plan pages: who reads what, editing with and without htmx, bad input changes nothing."""

import pytest
from django.urls import reverse

from workplan.generate import generated_plan_create
from workplan.models import Activity, Paragraph, PlanStatus, WorkPlan
from workplan.selectors import plan_counts

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _snapshot(plan):
    return (
        plan_counts(plan=plan),
        list(
            Activity.objects.filter(output__outcome__plan=plan)
            .order_by("id")
            .values_list("id", "text", "position", "version")
        ),
    )


def test_list_shows_visible_plans(client_for, plan_2025, role_users):
    approved = generated_plan_create(year=2023, status=PlanStatus.APPROVED)
    for name, user in role_users.items():
        response = client_for(user).get(reverse("workplan:list"))
        assert response.status_code == 200
        years = [plan.year for plan in response.context["plans"]]
        if name in ("committee", "isu", "admin"):
            assert years == [2025, 2023]
        else:
            assert years == [approved.year]


@pytest.mark.parametrize(
    ("role", "status_code"),
    [
        ("anonymous", 404),
        ("delegate_a", 404),
        ("committee", 200),
        ("isu", 200),
        ("admin", 200),
    ],
)
def test_who_reads_a_draft(client_for, plan_2025, role_users, role, status_code):
    response = client_for(role_users[role]).get(reverse("workplan:detail", args=[2025]))
    assert response.status_code == status_code
    if status_code == 200:
        assert response.context["can_edit"] is (role in ("isu", "admin"))


def test_unknown_year_is_404(client_for, isu_user):
    assert client_for(isu_user).get("/workplans/1999/").status_code == 404


def test_page_reads_like_the_document(client_for, plan_2025, committee_user):
    # The loader gave the plan its section VI; the summary shows its computed total.
    response = client_for(committee_user).get(reverse("workplan:detail", args=[2025]))
    html = response.content.decode()
    assert "CHF 497&#x27;138" in html or "CHF 497'138" in html
    assert "I. Mandate of the Implementation Support Unit" in html
    assert "J. Other Implementation Support" in html
    assert '<span class="paragraph-number">19.</span>' in html
    assert '<span class="item-letter">(g)</span>' in html
    assert "<em>inter alia</em>" in html
    assert "2025 Budget of the Implementation Support Unit" in html
    assert "Edit<span" not in html  # the committee reads, it does not edit


def test_edit_activity_plain_post(client_for, plan_2025, isu_user, activities_of):
    activity = activities_of()[0]
    url = reverse("workplan:part-edit", args=[2025, "activity", activity.pk])
    client = client_for(isu_user)
    assert client.get(url).status_code == 200
    response = client.post(url, {"text": "Assist the presidency.", "version": 1})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.text, activity.version) == ("Assist the presidency.", 2)
    history = client.get(reverse("workplan:part-history", args=[2025, "activity", activity.pk]))
    assert history.status_code == 200
    assert "Assist the presidency." in history.content.decode()
    assert isu_user.username in history.content.decode()


def test_edit_activity_htmx_rerenders_the_document(client_for, plan_2025, isu_user, activities_of):
    activity = activities_of()[0]
    url = reverse("workplan:part-edit", args=[2025, "activity", activity.pk])
    response = client_for(isu_user).post(url, {"text": "Changed by htmx.", "version": 1}, **HTMX)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#plan-document"
    assert 'id="plan-document"' in response.content.decode()
    assert "Changed by htmx." in response.content.decode()


def test_stale_save_is_refused_with_newer_text(client_for, plan_2025, isu_user, activities_of):
    activity = activities_of()[0]
    url = reverse("workplan:part-edit", args=[2025, "activity", activity.pk])
    client = client_for(isu_user)
    client.post(url, {"text": "Saved first.", "version": 1})
    before = _snapshot(plan_2025)
    for extra in ({}, HTMX):
        response = client.post(url, {"text": "Saved second.", "version": 1}, **extra)
        assert response.status_code == 409
        html = response.content.decode()
        assert "changed by someone else" in html
        assert "Saved first." in html
    assert _snapshot(plan_2025) == before


@pytest.mark.parametrize("text", ["", "   ", "x" * 4001])
def test_bad_text_is_refused(client_for, plan_2025, isu_user, activities_of, text):
    activity = activities_of()[0]
    before = _snapshot(plan_2025)
    client = client_for(isu_user)
    edit = reverse("workplan:part-edit", args=[2025, "activity", activity.pk])
    add = reverse("workplan:part-create", args=[2025, "activity", f"output-{activity.output_id}"])
    for url, data in ((edit, {"text": text, "version": 1}), (add, {"text": text})):
        response = client.post(url, data)
        assert response.status_code == 400
        assert "text" in response.content.decode()
    assert _snapshot(plan_2025) == before


def test_add_and_move_activity(client_for, plan_2025, isu_user, activities_of):
    first = activities_of()[0]
    client = client_for(isu_user)
    add = reverse("workplan:part-create", args=[2025, "activity", f"output-{first.output_id}"])
    assert client.get(add).status_code == 200
    response = client.post(add, {"text": "A fifth activity.", "position": "", "articles": "3"})
    assert response.status_code == 302
    new = activities_of()[-1]
    assert (new.text, new.position) == ("A fifth activity.", 5)
    assert [a.number for a in new.articles.all()] == [3]
    move = reverse("workplan:part-move", args=[2025, "activity", new.pk])
    response = client.post(move, {"position": 1, "version": new.version}, **HTMX)
    assert response.status_code == 200
    assert activities_of()[0].pk == new.pk
    html = response.content.decode()
    assert html.index("A fifth activity.") < html.index(first.text)


def test_impossible_move_changes_nothing(client_for, plan_2025, isu_user, activities_of):
    activity = activities_of()[0]
    before = _snapshot(plan_2025)
    move = reverse("workplan:part-move", args=[2025, "activity", activity.pk])
    client = client_for(isu_user)
    response = client.post(move, {"position": 9}, follow=True)
    assert "Position 9 is impossible" in response.content.decode()
    response = client.post(move, {"position": "up"}, **HTMX)
    assert response.status_code == 400
    assert _snapshot(plan_2025) == before


def test_delete_paragraph_renumbers(client_for, plan_2025, isu_user):
    premise = Paragraph.objects.get(section__plan=plan_2025, section__position=2, position=1)
    client = client_for(isu_user)
    url = reverse("workplan:part-delete", args=[2025, "paragraph", premise.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"version": 1}, follow=True)
    html = response.content.decode()
    assert '<span class="paragraph-number">18.</span>' in html
    assert '<span class="paragraph-number">19.</span>' not in html


@pytest.mark.parametrize("role", ["anonymous", "delegate_a", "committee"])
def test_others_cannot_edit(client_for, plan_2025, role_users, role, activities_of):
    activity = activities_of()[0]
    before = _snapshot(plan_2025)
    client = client_for(role_users[role])
    urls = [
        reverse("workplan:part-edit", args=[2025, "activity", activity.pk]),
        reverse("workplan:part-create", args=[2025, "activity", f"output-{activity.output_id}"]),
        reverse("workplan:part-move", args=[2025, "activity", activity.pk]),
        reverse("workplan:part-delete", args=[2025, "activity", activity.pk]),
    ]
    for url in urls:
        response = client.post(url, {"text": "Hacked.", "version": 1, "position": 2})
        assert response.status_code == (403 if role == "committee" else 404)
    response = client.post(reverse("workplan:copy"), {"source_year": 2025})
    assert response.status_code in (403, 404, 302)
    assert _snapshot(plan_2025) == before
    assert WorkPlan.objects.count() == 1


def test_non_draft_is_not_editable(client_for, plan_2025, isu_user, activities_of):
    WorkPlan.objects.filter(pk=plan_2025.pk).update(status=PlanStatus.ENDORSED)
    activity = activities_of()[0]
    url = reverse("workplan:part-edit", args=[2025, "activity", activity.pk])
    assert client_for(isu_user).post(url, {"text": "x", "version": 1}).status_code == 403
    assert Activity.objects.get(pk=activity.pk).text == activity.text


def test_copy_from_previous_year(client_for, plan_2025, isu_user):
    client = client_for(isu_user)
    page = client.get(reverse("workplan:list")).content.decode()
    assert "New plan from the previous year" in page
    response = client.post(reverse("workplan:copy"), {"source_year": 2025})
    assert response.status_code == 302
    assert response["Location"] == reverse("workplan:detail", args=[2026])
    assert plan_counts(plan=WorkPlan.objects.get(year=2026)) == plan_counts(plan=plan_2025)
    response = client.post(reverse("workplan:copy"), {"source_year": 2025}, follow=True)
    assert "already exists" in response.content.decode()
    assert WorkPlan.objects.count() == 2


def test_history_hidden_from_delegates(client_for, plan_2025, delegate_a, activities_of):
    WorkPlan.objects.filter(pk=plan_2025.pk).update(status=PlanStatus.APPROVED)
    activity = activities_of()[0]
    url = reverse("workplan:part-history", args=[2025, "activity", activity.pk])
    assert client_for(delegate_a).get(url).status_code == 404
