"""The account of a State, for any mix of invoices, credit notes and payments (hypothesis)."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contributions.accounting import ZERO, InvoiceStatus, account_build, ageing_bucket

# The machine is shared: generation may be slow, and the bounds tests filter out impossible
# configurations on purpose.
SLOW_OR_FILTERED = [HealthCheck.too_slow, HealthCheck.filter_too_much]

START = date(2024, 1, 1)


@dataclass
class Inv:
    pk: int
    number: str
    year: int
    issue_date: date
    due_date: date
    amount: Decimal


@dataclass
class Note:
    invoice_id: int
    number: str
    issue_date: date
    amount: Decimal


@dataclass
class Pay:
    invoice_id: int | None
    received_on: date
    amount: Decimal
    reference: str = ""


money = st.integers(min_value=1, max_value=500_000).map(lambda c: Decimal(c) / 100)
days = st.integers(min_value=0, max_value=900)


@st.composite
def books(draw):
    count = draw(st.integers(min_value=0, max_value=6))
    invoices = []
    for pk in range(1, count + 1):
        issued = START + timedelta(days=draw(days))
        invoices.append(
            Inv(pk, f"ISU-{pk:04d}", 2024, issued, issued + timedelta(days=60), draw(money))
        )
    notes = []
    for invoice in invoices:
        if draw(st.booleans()):
            share = draw(st.integers(min_value=1, max_value=100))
            notes.append(
                Note(
                    invoice.pk,
                    f"CN-{invoice.pk}",
                    invoice.issue_date,
                    (invoice.amount * share / 100).quantize(Decimal("0.01")) or Decimal("0.01"),
                )
            )
    targets = st.sampled_from([None, *[i.pk for i in invoices]])
    payments = [
        Pay(draw(targets), START + timedelta(days=draw(days)), draw(money))
        for _ in range(draw(st.integers(min_value=0, max_value=6)))
    ]
    return invoices, notes, payments


@given(data=books(), today_offset=days)
@settings(max_examples=300, deadline=None, suppress_health_check=SLOW_OR_FILTERED)
def test_account_invariants(data, today_offset):
    invoices, notes, payments = data
    notes = [
        n for n in notes if n.amount <= next(i.amount for i in invoices if i.pk == n.invoice_id)
    ]
    today = START + timedelta(days=today_offset)
    account = account_build(invoices=invoices, credit_notes=notes, payments=payments, today=today)
    debits = sum((i.amount for i in invoices), ZERO)
    credits = sum((n.amount for n in notes), ZERO) + sum((p.amount for p in payments), ZERO)
    # The balance is what was invoiced less what was credited and paid, whatever the order.
    assert account.balance == debits - credits
    assert account.lines[-1].balance == debits - credits if account.lines else True
    assert all(p.outstanding >= 0 for p in account.positions)
    assert account.unapplied_credit >= 0
    # Credit is kept only when nothing is outstanding.
    assert account.unapplied_credit == 0 or account.outstanding == 0
    assert sum(account.ageing.values(), ZERO) == account.outstanding
    for position in account.positions:
        status = position.status(today)
        if status == InvoiceStatus.PAID:
            assert position.outstanding == 0
        if status == InvoiceStatus.OVERDUE:
            assert today > position.invoice.due_date and position.outstanding > 0


def test_ageing_buckets_edges():
    due = date(2025, 1, 31)
    assert ageing_bucket(due_date=due, today=date(2025, 1, 30)) == "not_due"
    assert ageing_bucket(due_date=due, today=due) == "days_0_30"
    assert ageing_bucket(due_date=due, today=date(2025, 3, 2)) == "days_0_30"
    assert ageing_bucket(due_date=due, today=date(2025, 3, 3)) == "days_31_90"
    assert ageing_bucket(due_date=due, today=date(2025, 5, 1)) == "days_31_90"
    assert ageing_bucket(due_date=due, today=date(2025, 5, 2)) == "days_91_365"
    assert ageing_bucket(due_date=due, today=date(2026, 1, 31)) == "days_91_365"
    assert ageing_bucket(due_date=due, today=date(2026, 2, 1)) == "over_365"
