"""The review's pages and API lists run a number of queries that does not grow with the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from budget.models import CostCategory
from review import services
from tests.factories import CommitteeMemberFactory, CostLineFactory
from tests.workplan.factories import ActivityFactory, LetteredItemFactory, ParagraphFactory
from workplan import services as workplan_services
from workplan.models import Paragraph, Section

pytestmark = pytest.mark.django_db


def _grow(plan, staff, member, *, rounds):
    """`rounds` review rounds, each adding parts, comments with replies and a version."""
    section = Section.objects.get(plan=plan)
    for n in range(rounds):
        if plan.status != "draft":
            services.plan_request_changes(plan=plan, user=member, reason=f"Round {n}.")
            services.plan_revise(plan=plan, user=staff)
        for _ in range(3):
            paragraph = ParagraphFactory(section=section)
            LetteredItemFactory(paragraph=paragraph)
        used = set(plan.cost_lines.values_list("category", flat=True))
        category = next(c for c in CostCategory if c not in used)
        CostLineFactory(plan=plan, category=category, amount=f"{1000 + n}.00")
        first = Paragraph.objects.filter(section=section).first()
        workplan_services.part_update(
            part=first, text=f"{first.text} Round {n}.", version=first.version, user=staff
        )
        services.plan_submit(plan=plan, user=staff)
        plan.refresh_from_db()
        for _ in range(2):
            author = CommitteeMemberFactory()
            root = services.comment_add(plan=plan, user=author, body="A remark.")
            services.comment_add(plan=plan, user=staff, body="A reply.", parent=root)


def _activities(plan):
    from tests.workplan.factories import OutcomeFactory, OutputFactory

    output = OutputFactory(outcome=OutcomeFactory(plan=plan))
    ActivityFactory(output=output)


PAGES = [
    "/workplans/{year}/",
    "/workplans/{year}/review/",
    "/workplans/{year}/review/versions/",
    "/workplans/{year}/review/redline/",
    "/workplans/{year}/review/comments/",
    "/review/",
]
API = [
    "/api/workplans/{year}/review/",
    "/api/workplans/{year}/versions/",
    "/api/workplans/{year}/redline/?old=1&new=2",
    "/api/workplans/{year}/comments/",
    "/api/review/awaiting/",
]


def _count(get):
    with CaptureQueriesContext(connection) as captured:
        response = get()
    assert response.status_code == 200, response.content[:300]
    return len(captured)


@pytest.mark.parametrize("path", PAGES + API)
def test_query_count_does_not_grow(
    client_for, django_assert_num_queries, plan, staff, member, path
):
    _activities(plan)
    _grow(plan, staff, member, rounds=2)
    url = path.format(year=plan.year)
    if url.startswith("/api/"):
        client = APIClient()
        client.force_login(member)
    else:
        client = client_for(member)
    client.get(url)  # a first visit records the review visit; count the steady state
    small = _count(lambda: client.get(url))
    _grow(plan, staff, member, rounds=3)
    _activities(plan)
    with django_assert_num_queries(small):
        assert client.get(url).status_code == 200
