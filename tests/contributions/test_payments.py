"""Payments (full, partial, over), derived invoice status, and bank statement import."""

import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from contributions import selectors, services
from contributions.accounting import InvoiceStatus
from contributions.models import BankImport, Payment
from isu_portal.errors import DomainError
from tests.contributions.factories import issue

pytestmark = pytest.mark.django_db

DUE = date(2025, 4, 2)  # issue 1 Feb 2025 + 60 days


def _status(invoice, today):
    return selectors.invoice_positions(invoices=[invoice], today=today)[invoice.pk].status(today)


def _pay(state, amount, invoice=None, day=date(2025, 3, 1)):
    return services.payment_record(
        state=state, invoice=invoice, amount=Decimal(amount), received_on=day
    )


def test_status_is_derived_issued_partly_paid_paid_overdue_credited(small_world, state_a, state_b):
    invoice = issue(state_a, amount=Decimal("1000"))
    assert invoice.due_date == DUE
    assert _status(invoice, date(2025, 3, 1)) == InvoiceStatus.ISSUED
    assert _status(invoice, date(2025, 4, 3)) == InvoiceStatus.OVERDUE
    _pay(state_a, "400", invoice)
    assert _status(invoice, date(2025, 3, 1)) == InvoiceStatus.PARTLY_PAID
    assert _status(invoice, date(2025, 5, 1)) == InvoiceStatus.OVERDUE
    _pay(state_a, "600", invoice)
    assert _status(invoice, date(2025, 5, 1)) == InvoiceStatus.PAID
    other = issue(state_b, amount=Decimal("500"))
    services.credit_note_issue(invoice=other, amount=Decimal("500"), reason="Assessed in error")
    assert _status(other, date(2025, 5, 1)) == InvoiceStatus.CREDITED


def test_over_payment_is_kept_as_a_credit_and_settles_the_next_invoice(small_world, state_a):
    first = issue(state_a, amount=Decimal("1000"))
    _pay(state_a, "1500", first)
    account = selectors.account_for_state(state=state_a, today=date(2025, 5, 1))
    assert account.unapplied_credit == Decimal("500") and account.balance == Decimal("-500")
    second = issue(state_a, year=2026, amount=Decimal("800"), issue_date=date(2026, 2, 1))
    account = selectors.account_for_state(state=state_a, today=date(2026, 2, 2))
    positions = {p.invoice.pk: p for p in account.positions}
    assert positions[first.pk].outstanding == 0
    assert positions[second.pk].outstanding == Decimal("300")
    assert positions[second.pk].status(date(2026, 2, 2)) == InvoiceStatus.PARTLY_PAID
    assert account.balance == Decimal("300")
    assert [line.balance for line in account.lines] == [
        Decimal("1000"),
        Decimal("-500"),
        Decimal("300"),
    ]


@pytest.mark.parametrize(
    ("amount", "day", "message"),
    [
        ("0", date(2025, 3, 1), "must be positive"),
        ("10.005", date(2025, 3, 1), "two decimals"),
        ("10", date(2099, 1, 1), "in the future"),
    ],
)
def test_bad_payments_are_refused_and_nothing_recorded(small_world, state_a, amount, day, message):
    invoice = issue(state_a)
    with pytest.raises(DomainError, match=message):
        _pay(state_a, amount, invoice, day)
    assert not Payment.objects.exists()


def test_a_payment_cannot_name_another_states_invoice(small_world, state_a, state_b):
    invoice = issue(state_a)
    with pytest.raises(DomainError, match="is not Lao"):
        _pay(state_b, "10", invoice)
    assert not Payment.objects.exists()


CSV_OK = (
    "Value date,Amount,Payment reference,Transaction ID\n"
    "2025-03-01,1000.00,CCM-ISU ISU-2025-0001,TX-1\n"
    "05.03.2025,250,ccm-isu isu-2025-0002,TX-2\n"
)


def test_bank_statement_csv_is_matched_on_the_payment_reference(small_world, state_a, state_b):
    first, second = issue(state_a), issue(state_b)
    batch = services.bank_statement_import(content=CSV_OK.encode(), file_name="march.csv")
    assert batch.row_count == 2 and batch.total == Decimal("1250.00")
    assert Payment.objects.get(invoice=first).amount == Decimal("1000.00")
    paid = Payment.objects.get(invoice=second)
    assert paid.state == state_b and paid.received_on == date(2025, 3, 5)
    assert _status(first, date(2025, 3, 2)) == InvoiceStatus.PAID
    assert _status(second, date(2025, 3, 6)) == InvoiceStatus.PARTLY_PAID
    # The same statement again: every transaction was already imported, nothing changes.
    with pytest.raises(DomainError, match="TX-1 was already imported"):
        services.bank_statement_import(content=CSV_OK.encode(), file_name="march.csv")
    assert Payment.objects.count() == 2


def test_bad_rows_are_all_listed_and_nothing_is_imported(small_world, state_a, state_b):
    issue(state_a), issue(state_b)
    content = (
        b"date,amount,reference\n"
        b"2025-03-01,1000.00,CCM-ISU ISU-2025-0001\n"
        b"not a date,12,CCM-ISU ISU-2025-0002\n"
        b"2025-03-02,-5,CCM-ISU ISU-2025-0002\n"
        b"2025-03-02,100,CCM-ISU ISU-2025-0099\n"
        b"2025-03-02,100,\n"
    )
    with pytest.raises(DomainError) as caught:
        services.bank_statement_import(content=content, file_name="bad.csv")
    messages = caught.value.messages
    assert messages[0].startswith("line 3: date 'not a date' is not a date")
    assert messages[1].startswith("line 4: amount '-5' is not a positive amount")
    assert messages[2] == "line 5: no invoice has the payment reference 'CCM-ISU ISU-2025-0099'"
    assert messages[3].startswith("line 6: the payment reference is empty")
    assert not Payment.objects.exists() and not BankImport.objects.exists()


def test_bank_statement_xlsx(small_world, state_a):
    issue(state_a)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Amount", "Reference"])
    sheet.append([date(2025, 3, 1), 400.5, "CCM-ISU ISU-2025-0001"])
    buffer = io.BytesIO()
    book.save(buffer)
    batch = services.bank_statement_import(content=buffer.getvalue(), file_name="march.xlsx")
    assert batch.row_count == 1
    assert Payment.objects.get().amount == Decimal("400.50")


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"date,amount\n2025-01-01,4\n", "x.csv", r"missing column\(s\) reference"),
        (b"\xff\xfe\x00garbage", "x.csv", "not a UTF-8 CSV"),
        (b"anything", "x.pdf", "only .csv and .xlsx"),
        (b"date,amount,reference\n", "x.csv", "holds no payment"),
    ],
)
def test_unreadable_statements_are_refused(small_world, content, name, message):
    with pytest.raises(DomainError, match=message):
        services.bank_statement_import(content=content, file_name=name)
    assert not Payment.objects.exists()
