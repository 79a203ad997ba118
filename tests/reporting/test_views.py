"""The document's page, PDF and DOCX endpoints: access, content, caching and query counts."""

import pytest
from django.urls import reverse

from budget.seed_2025 import budget_2025_load
from reporting.models import RenderedDocument
from workplan.generate import generated_plan_create
from workplan.models import PlanStatus, WorkPlan
from workplan.selectors import plan_counts

pytestmark = pytest.mark.django_db

ENDPOINTS = ["reporting:workplan-document", "reporting:workplan-pdf", "reporting:workplan-docx"]


def test_urls():
    assert reverse("reporting:workplan-document", args=[2025]) == "/workplans/2025/document/"
    assert reverse("reporting:workplan-pdf", args=[2025]) == "/workplans/2025/document.pdf"
    assert reverse("reporting:workplan-docx", args=[2025]) == "/workplans/2025/document.docx"


def test_the_page_shows_the_document(client_for, isu_user, plan_2025):
    response = client_for(isu_user).get(reverse("reporting:workplan-document", args=[2025]))
    assert response.status_code == 200
    html = response.content.decode()
    for expected in (
        "Convention on Cluster Munitions",
        "CCM/MSP/2024/3",
        "Original: English",
        "Twelfth Meeting of States Parties",
        "Geneva, 10-13 September 2024",
        "Item 10(i) of the provisional agenda",
        "Submitted by the ISU Director",
        "CHF 497'138",
        "The present document is being issued without formal editing.",
        "<em>inter alia</em>",
        '<span class="para-number">19.</span>',
        '<span class="item-letter">(g)</span>',
        "Budget Notes",
        "Assumptions",
        "GICHD, in-kind",
    ):
        assert expected in html, expected
    assert html.count('<span class="heading-number">VI.</span>') == 1


def test_the_pdf_and_docx_are_served_from_the_store(client_for, isu_user, plan_2025, fake_render):
    client = client_for(isu_user)
    response = client.get(reverse("reporting:workplan-pdf", args=[2025]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="ccm-msp-2024-3.pdf"'
    stored = RenderedDocument.objects.get(kind="pdf")
    assert b"".join(response.streaming_content) == stored.absolute_path.read_bytes()
    assert response["ETag"] == f'"{stored.hash}"'
    client.get(reverse("reporting:workplan-pdf", args=[2025]))
    assert fake_render == [(plan_2025.pk, "pdf")]  # the second download rendered nothing
    response = client.get(reverse("reporting:workplan-docx", args=[2025]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"].endswith("wordprocessingml.document")


def test_the_plan_page_links_the_document(client_for, isu_user, plan_2025):
    html = client_for(isu_user).get(reverse("workplan:detail", args=[2025])).content.decode()
    for name in ENDPOINTS:
        assert f'href="{reverse(name, args=[2025])}"' in html


@pytest.mark.parametrize("role", ["anonymous", "delegate_a"])
@pytest.mark.parametrize("name", ENDPOINTS)
def test_a_draft_is_not_found_and_nothing_is_rendered(
    client_for, role_users, plan_2025, fake_render, role, name
):
    response = client_for(role_users[role]).get(reverse(name, args=[2025]))
    assert response.status_code == 404
    assert not RenderedDocument.objects.exists()
    assert fake_render == []


@pytest.mark.parametrize("name", ENDPOINTS)
def test_committee_members_read_the_draft(client_for, committee_user, plan_2025, fake_render, name):
    assert client_for(committee_user).get(reverse(name, args=[2025])).status_code == 200


def test_delegates_read_a_circulated_plan_anonymous_only_an_approved_one(
    client_for, delegate_a, plan_2025, fake_render
):
    url = reverse("reporting:workplan-pdf", args=[2025])
    WorkPlan.objects.filter(pk=plan_2025.pk).update(status=PlanStatus.CIRCULATED)
    assert client_for(delegate_a).get(url).status_code == 200
    assert client_for(None).get(url).status_code == 404
    WorkPlan.objects.filter(pk=plan_2025.pk).update(status=PlanStatus.APPROVED)
    assert client_for(None).get(url).status_code == 200


def test_an_unknown_year_is_not_found(client_for, isu_user, db):
    assert client_for(isu_user).get("/workplans/1999/document.pdf").status_code == 404


# --- queries: the same for the 2025 plan and a plan ten times as large ----------------------

# session, user, groups, the plan with its meeting, 12 for the structure, 4 for the budget
PAGE_QUERIES = 20
# session, user, groups, the plan, 1 for the data fingerprint, the stored document
CACHED_PDF_QUERIES = 6


@pytest.fixture(params=["2025", "ten times larger"])
def sized_plan(request, plan_2025):
    if request.param == "2025":
        return plan_2025
    plan = generated_plan_create(year=2090, scale=10)
    assert plan_counts(plan=plan)["activities"] == 390
    budget_2025_load(plan=plan)
    return plan


def test_document_page_queries(client_for, isu_user, sized_plan, django_assert_num_queries):
    client = client_for(isu_user)
    url = reverse("reporting:workplan-document", args=[sized_plan.year])
    with django_assert_num_queries(PAGE_QUERIES):
        assert client.get(url).status_code == 200


def test_cached_pdf_queries(
    client_for, isu_user, sized_plan, fake_render, django_assert_num_queries
):
    client = client_for(isu_user)
    url = reverse("reporting:workplan-pdf", args=[sized_plan.year])
    assert client.get(url).status_code == 200
    with django_assert_num_queries(CACHED_PDF_QUERIES):
        response = client.get(url)
        assert response.status_code == 200
    assert len(fake_render) == 1
