"""Who reaches what. A delegate sees only their own State's invoices, credit notes, payments
and statement: any other State's, by id or number, in a page, a PDF or the API, answers 404
and renders nothing of it. ISU pages refuse everyone else and change nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from rest_framework.test import APIClient

from contributions import services
from contributions.models import (
    AssessmentBasis,
    CreditNote,
    Invoice,
    IssueJob,
    Payment,
    SetRate,
)
from tests.contributions.factories import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def books(small_world, state_a, state_b):
    """France and Lao each with an invoice, a credit note and a payment."""
    result = {}
    for state in (state_a, state_b):
        invoice = issue(state, amount=Decimal("1000"))
        note = services.credit_note_issue(
            invoice=invoice, amount=Decimal("10"), reason=f"Correction for {state.iso3}"
        )
        payment = services.payment_record(
            state=state, invoice=invoice, amount=Decimal("100"), received_on=date(2025, 3, 1)
        )
        result[state.iso3] = {"invoice": invoice, "note": note, "payment": payment, "state": state}
    return result


def _portal_urls(item):
    invoice, note, state = item["invoice"], item["note"], item["state"]
    return [
        f"/invoices/{invoice.number}/",
        f"/invoices/{invoice.number}.pdf",
        f"/invoices/credit-notes/{note.number}.pdf",
        f"/invoices/statements/{state.iso3}.pdf",
        f"/invoices/statements/{state.iso3.lower()}.pdf",
    ]


def _api_urls(item):
    invoice, note, payment = item["invoice"], item["note"], item["payment"]
    return [
        f"/api/invoices/{invoice.pk}/",
        f"/api/credit-notes/{note.pk}/",
        f"/api/payments/{payment.pk}/",
        f"/api/statements/{item['state'].iso3}/",
        f"/api/statements/{item['state'].iso3.lower()}/",
    ]


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_delegate_reaches_every_url_of_their_own_state(books, delegate_a, client_for):
    client = client_for(delegate_a)
    for url in _portal_urls(books["FRA"]):
        response = client.get(url)
        assert response.status_code == 200, url
    for url in _api_urls(books["FRA"]):
        assert _api(delegate_a).get(url).status_code == 200, url


def test_any_other_states_invoice_answers_404_and_renders_nothing(books, delegate_a, client_for):
    client = client_for(delegate_a)
    lao = books["LAO"]
    secrets = [lao["invoice"].number, lao["note"].number, "Lao", "Correction for LAO"]
    for url in _portal_urls(lao):
        response = client.get(url)
        assert response.status_code == 404, url
        body = response.content.decode(errors="replace")
        assert not any(secret in body for secret in secrets), url
        assert response["Content-Type"].startswith("text/html")
    for url in _api_urls(lao):
        response = _api(delegate_a).get(url)
        assert response.status_code == 404, url
        assert not any(s in response.content.decode() for s in secrets), url


def test_lists_and_api_lists_show_only_the_delegates_own_state(books, delegate_a, client_for):
    page = client_for(delegate_a).get("/invoices/").content.decode()
    assert books["FRA"]["invoice"].number in page and books["FRA"]["note"].number in page
    assert books["LAO"]["invoice"].number not in page and "Lao" not in page
    client = _api(delegate_a)
    for url in ("/api/invoices/", "/api/credit-notes/", "/api/payments/"):
        body = client.get(url).json()
        assert len(body) == 1, url
        assert "LAO" not in str(body) and books["LAO"]["invoice"].number not in str(body)
    # Asking by the other State's number or code returns nothing rather than an error.
    by_number = client.get(f"/api/invoices/?number={books['LAO']['invoice'].number}").json()
    assert by_number == []
    assert client.get("/api/invoices/?state=LAO").json() == []


def test_isu_staff_see_every_state(books, isu_user, client_for):
    client = client_for(isu_user)
    for item in books.values():
        for url in _portal_urls(item):
            assert client.get(url).status_code == 200, url
        for url in _api_urls(item):
            assert _api(isu_user).get(url).status_code == 200, url
    assert len(_api(isu_user).get("/api/invoices/").json()) == 2


@pytest.mark.parametrize("role", ["committee", "anonymous"])
def test_committee_and_visitors_reach_no_invoice(books, role_users, client_for, role):
    user = role_users[role]
    client = client_for(user)
    expected = 403 if user else 302
    for url in ["/invoices/", *_portal_urls(books["FRA"])]:
        response = client.get(url)
        assert response.status_code == expected, url
        assert books["FRA"]["invoice"].number not in response.content.decode(errors="replace")
    api = APIClient()
    if user:
        api.force_authenticate(user)
    for url in ["/api/invoices/", "/api/credit-notes/", "/api/payments/", *_api_urls(books["FRA"])]:
        assert api.get(url).status_code in (401, 403), url


ISU_GETS = [
    "/contributions/",
    "/contributions/?format=xlsx",
    "/contributions/2025/assessment/",
    "/contributions/receivables/",
    "/contributions/receivables/?format=xlsx",
    "/contributions/payments/new/",
    "/contributions/payments/import/",
]


@pytest.mark.parametrize("role", ["delegate_a", "delegate_b", "committee"])
def test_isu_pages_are_refused_to_others_and_change_nothing(
    books, budget_2025, role_users, client_for, role
):
    client = client_for(role_users[role])
    invoice = books["FRA"]["invoice"]
    job = IssueJob.objects.create(year=2025, total=0)
    for url in [
        *ISU_GETS,
        f"/contributions/jobs/{job.pk}/",
        f"/contributions/invoices/{invoice.number}/credit-note/",
    ]:
        assert client.get(url).status_code == 403, url
    before = (Invoice.objects.count(), CreditNote.objects.count(), Payment.objects.count())
    posts = [
        ("/contributions/2025/issue/", {"send": "on"}),
        ("/contributions/2025/assessment/", {"action": "basis", "method": "equal"}),
        ("/contributions/2025/assessment/", {"action": "rate", "state": "1", "rate_percent": "1"}),
        (f"/contributions/invoices/{invoice.number}/credit-note/", {"amount": "5", "reason": "x"}),
        (
            "/contributions/payments/new/",
            {"invoice": invoice.pk, "amount": "5", "received_on": "2025-03-01"},
        ),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert (Invoice.objects.count(), CreditNote.objects.count(), Payment.objects.count()) == before
    assert IssueJob.objects.count() == 1
    assert not AssessmentBasis.objects.exists() and not SetRate.objects.exists()
    assert mail.outbox == []


def test_statement_api_gives_the_account(books, delegate_a):
    body = _api(delegate_a).get("/api/statements/FRA/").json()
    assert body["state"] == "FRA"
    # By date: invoice 1 Feb 2025, payment 1 Mar 2025, credit note today.
    assert [line["kind"] for line in body["lines"]] == ["invoice", "payment", "credit_note"]
    assert body["balance"] == "890.00" and body["outstanding"] == "890.00"
    assert set(body["ageing"]) == {"not_due", "days_0_30", "days_31_90", "days_91_365", "over_365"}
