"""Every page and API list asks the database a fixed number of questions, however many States,
invoices, credit notes, payments and job items there are."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from contributions import services
from contributions.models import IssueJob, IssueJobItem, JobStatus, SentMail
from tests.contributions.factories import approved_budget, issue, rated_state
from tests.factories import ContactFactory, DelegateFactory, ISUStaffFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "/invoices/",
    "/invoices/{number}/",
    "/contributions/",
    "/contributions/2025/assessment/",
    "/contributions/jobs/{job}/",
    "/contributions/receivables/",
    "/contributions/payments/new/",
    "/contributions/payments/import/",
    "/contributions/invoices/{number}/credit-note/",
]
API_LISTS = ["/api/invoices/", "/api/credit-notes/", "/api/payments/"]


def _world(size: int) -> dict:
    """`size` States, each with an invoice, a credit note, a payment, a contact, a sent
    reminder and a job item; the first State's delegate has `size` years of invoices."""
    approved_budget(2025)
    states = [rated_state(f"State {i:03d}", f"S{i:02d}", f"{i + 1}.000") for i in range(size)]
    job = IssueJob.objects.create(year=2025, total=size, status=JobStatus.FINISHED)
    first = None
    for index, state in enumerate(states):
        ContactFactory(state=state)
        invoice = issue(state, amount=Decimal("1000"))
        first = first or invoice
        services.credit_note_issue(invoice=invoice, amount=Decimal("5"), reason="Rounding")
        services.payment_record(
            state=state, invoice=invoice, amount=Decimal("100"), received_on=date(2025, 3, 1)
        )
        SentMail.objects.create(invoice=invoice, kind="invoice", sent_at=None)
        IssueJobItem.objects.create(
            job=job, state=state, invoice=invoice, position=index, done=True
        )
    for year in range(2026, 2026 + size):
        issue(states[0], year=year, issue_date=date(year, 2, 1))
    return {"number": first.number, "job": job.pk, "delegate_state": states[0]}


def _count(client, url) -> int:
    # A first request warms per-user caches (the role groups on a force-authenticated user).
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("url", PAGES)
def test_isu_page_queries_do_not_grow(url, client_for, django_assert_num_queries):
    client = client_for(ISUStaffFactory())
    small = _world(3)
    count = _count(client, url.format(**small))
    # Nine more States with the same rows: 3 -> 12.
    for state_index in range(3, 12):
        state = rated_state(f"Extra {state_index}", f"X{state_index:02d}", "1.000")
        ContactFactory(state=state)
        invoice = issue(state)
        services.credit_note_issue(invoice=invoice, amount=Decimal("5"), reason="Rounding")
        services.payment_record(
            state=state, invoice=invoice, amount=Decimal("100"), received_on=date(2025, 3, 1)
        )
        IssueJobItem.objects.create(
            job_id=small["job"], state=state, invoice=invoice, position=state_index
        )
    with django_assert_num_queries(count):
        assert client.get(url.format(**small)).status_code == 200
    print(f"{url}: {count} queries")  # noqa: T201 - shown with -s for the report


@pytest.mark.parametrize("url", ["/invoices/", "/invoices/{number}/", *API_LISTS])
def test_delegate_page_and_api_queries_do_not_grow(url, django_assert_num_queries):
    small = _world(2)
    delegate = DelegateFactory(state=small["delegate_state"])
    api = APIClient()
    api.force_authenticate(delegate)
    from django.test import Client

    client = Client()
    client.force_login(delegate)
    getter = api if url.startswith("/api/") else client
    count = _count(getter, url.format(**small))
    for year in range(2040, 2050):  # ten more invoices of the delegate's own State
        invoice = issue(small["delegate_state"], year=year, issue_date=date(year, 2, 1))
        services.payment_record(
            state=small["delegate_state"],
            invoice=invoice,
            amount=Decimal("1"),
            received_on=date(2025, 3, 1),
        )
        services.credit_note_issue(invoice=invoice, amount=Decimal("1"), reason="x")
    with django_assert_num_queries(count):
        assert getter.get(url.format(**small)).status_code == 200
    print(f"delegate {url}: {count} queries")  # noqa: T201


@pytest.mark.parametrize("url", API_LISTS)
def test_isu_api_list_queries_do_not_grow(url, django_assert_num_queries):
    api = APIClient()
    api.force_authenticate(ISUStaffFactory())
    _world(2)
    count = _count(api, url)
    for index in range(10):
        state = rated_state(f"More {index}", f"M{index:02d}", "1.000")
        invoice = issue(state)
        services.credit_note_issue(invoice=invoice, amount=Decimal("5"), reason="Rounding")
        services.payment_record(
            state=state, invoice=invoice, amount=Decimal("100"), received_on=date(2025, 3, 1)
        )
    with django_assert_num_queries(count):
        assert api.get(url).status_code == 200
    print(f"ISU {url}: {count} queries")  # noqa: T201


def test_the_overview_asks_the_same_questions_for_two_or_eight_approved_years(client_for):
    client = client_for(ISUStaffFactory())
    for year in (2024, 2025):
        approved_budget(year)
    count = _count(client, "/contributions/")
    for year in range(2026, 2032):
        approved_budget(year, amount=Decimal("500000"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/contributions/")
    assert len(queries) == count
    # ...and every year still shows its own budget.
    assert b"500'000" in response.content and b"497'138" in response.content
