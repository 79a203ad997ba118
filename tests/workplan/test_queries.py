"""The plan page and the nested API detail run the same number of queries for the 2025 plan and
for a generated plan ten times as large."""

import pytest
from django.urls import reverse

from budget.seed_2025 import budget_2025_load
from workplan.generate import generated_plan_create
from workplan.selectors import plan_counts

pytestmark = pytest.mark.django_db

# session, user, user's groups, the plan, 12 for the document, 4 for the budget section,
# 2 for the review status box (audit entries, open comments)
PAGE_QUERIES = 22
API_QUERIES = 20


@pytest.fixture(params=["2025", "ten times larger"])
def sized_plan(request, plan_2025):
    if request.param == "2025":
        plan = plan_2025
    else:
        plan = generated_plan_create(year=2090, scale=10)
        assert plan_counts(plan=plan)["activities"] == 390
        assert plan_counts(plan=plan)["paragraphs"] == 190
        budget_2025_load(plan=plan)  # a section VI as full as the 2025 one
    return plan


@pytest.mark.parametrize("role", ["isu", "committee"])
def test_plan_page_queries(client_for, role_users, sized_plan, role, django_assert_num_queries):
    client = client_for(role_users[role])
    url = reverse("workplan:detail", args=[sized_plan.year])
    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(url)
    assert response.status_code == 200


def test_plan_fragment_queries(client_for, isu_user, sized_plan, django_assert_num_queries):
    client = client_for(isu_user)
    url = reverse("workplan:detail", args=[sized_plan.year]) + "?fragment=1"
    with django_assert_num_queries(PAGE_QUERIES - 2):  # the fragment has no status box
        response = client.get(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200


def test_api_detail_queries(client_for, isu_user, sized_plan, django_assert_num_queries):
    client = client_for(isu_user)
    url = reverse("api-workplan-detail", args=[sized_plan.year])
    with django_assert_num_queries(API_QUERIES):
        response = client.get(url)
    assert response.status_code == 200


def test_list_queries(client_for, isu_user, sized_plan, django_assert_num_queries):
    generated_plan_create(year=2080)
    client = client_for(isu_user)
    with django_assert_num_queries(4):
        assert client.get(reverse("workplan:list")).status_code == 200
    with django_assert_num_queries(5):
        assert client.get(reverse("api-workplan-list")).status_code == 200
