"""Issuing invoices: one per State and year, gapless numbers, immutable, credit notes, PDFs."""

import io
import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, connections
from pypdf import PdfReader

from contributions import documents, services
from contributions.models import CreditNote, Invoice
from isu_portal.errors import DomainError
from tests.contributions.factories import issue
from tests.factories import StateFactory

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_issue_for_year_numbers_in_name_order_and_sets_terms(small_world, budget_2025, settings):
    settings.CONTRIBUTIONS_PAYMENT_TERMS_DAYS = 45
    results = services.invoices_issue_for_year(year=2025, issue_date=date(2025, 2, 3))
    numbers = [(state.name, result.invoice.number) for state, result in results]
    assert numbers == [
        ("France", "ISU-2025-0001"),
        ("Germany", "ISU-2025-0002"),
        ("Holy See", "ISU-2025-0003"),
        ("Lao People's Democratic Republic", "ISU-2025-0004"),
    ]
    invoice = Invoice.objects.get(number="ISU-2025-0001")
    assert invoice.due_date == date(2025, 3, 20)
    assert invoice.payment_reference == "CCM-ISU ISU-2025-0001"
    assert "EXAMPLE" in invoice.bank_iban
    assert sum(i.amount for i in Invoice.objects.all()) == Decimal("497138")


def test_issuing_again_issues_nothing_twice(small_world, budget_2025):
    services.invoices_issue_for_year(year=2025)
    again = services.invoices_issue_for_year(year=2025)
    assert not any(result.created for _, result in again)
    assert Invoice.objects.count() == 4
    assert [i.sequence for i in Invoice.objects.order_by("sequence")] == [1, 2, 3, 4]


def test_a_failed_issue_gives_its_number_back(small_world, state_a, state_b):
    issue(state_a)
    with pytest.raises(DomainError):
        issue(state_b, amount=Decimal("-5"))
    assert issue(state_b).number == "ISU-2025-0002"


def test_invoices_are_immutable(small_world, state_a):
    invoice = issue(state_a)
    with pytest.raises(DomainError, match="issue a credit note"):
        services.invoice_update(invoice=invoice, amount=Decimal("1"))
    invoice.refresh_from_db()
    assert invoice.amount == Decimal("1000.00")


def test_credit_note_refers_to_the_invoice_and_cannot_exceed_it(small_world, state_a):
    invoice = issue(state_a)
    note = services.credit_note_issue(
        invoice=invoice, amount=Decimal("400"), reason="Rate corrected", issue_date=date(2025, 3, 1)
    )
    assert note.number == "ISU-CN-2025-0001" and note.invoice == invoice
    with pytest.raises(DomainError, match="only CHF 600.00"):
        services.credit_note_issue(invoice=invoice, amount=Decimal("600.01"), reason="x")
    with pytest.raises(DomainError, match="reason"):
        services.credit_note_issue(invoice=invoice, amount=Decimal("1"), reason=" ")
    assert CreditNote.objects.count() == 1
    invoice.refresh_from_db()
    assert invoice.amount == Decimal("1000.00")  # the invoice itself is untouched


def test_invoice_pdf_carries_the_number_amount_bank_details_and_reference(small_world, state_a):
    invoice = issue(state_a, amount=Decimal("46399"))
    text = _text(documents.invoice_pdf(invoice=invoice))
    for expected in (
        "Invoice ISU-2025-0001",
        "France",
        "46'399.00",
        "CCM-ISU ISU-2025-0001",
        "CH00 0000 0000 0000 0000 0 (EXAMPLE)",
        "Implementation Support Unit",
    ):
        assert expected in text


def test_statement_pdf_lists_invoices_credit_notes_payments_balance_and_ageing(
    small_world, state_a
):
    invoice = issue(state_a, amount=Decimal("1000"))
    services.credit_note_issue(
        invoice=invoice, amount=Decimal("100"), reason="Correction", issue_date=date(2025, 2, 10)
    )
    services.payment_record(
        state=state_a, invoice=invoice, amount=Decimal("300"), received_on=date(2025, 3, 1)
    )
    text = _text(documents.statement_pdf(state=state_a, today=date(2025, 6, 1)))
    assert "ISU-2025-0001" in text and "ISU-CN-2025-0001" in text
    assert "Balance due" in text and "600.00" in text
    assert "31–90 days" in text


def test_credit_note_pdf(small_world, state_a):
    note = services.credit_note_issue(
        invoice=issue(state_a), amount=Decimal("10"), reason="Rounding"
    )
    text = _text(documents.credit_note_pdf(note=note))
    assert "Credit note ISU-CN-" in text and "ISU-2025-0001" in text and "Rounding" in text


POSTGRES = connection.vendor == "postgresql"


@pytest.mark.skipif(not POSTGRES, reason="needs PostgreSQL (row locks); CI sets DATABASE_URL")
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_issues_get_gapless_unique_numbers():
    states = [StateFactory(name=f"Concurrent {i}", iso3=f"C{i:02d}"[:3]) for i in range(20)]
    barrier = threading.Barrier(20)
    errors: list[BaseException] = []

    def worker(state):
        try:
            barrier.wait()
            issue(state)
            issue(state)  # a duplicate attempt returns the same invoice
        except BaseException as exc:  # noqa: BLE001 - reported to the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(s,)) for s in states]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    sequences = sorted(Invoice.objects.filter(year=2025).values_list("sequence", flat=True))
    assert sequences == list(range(1, 21))
    assert Invoice.objects.values("state").distinct().count() == 20
