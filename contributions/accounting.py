"""A State's account: what each invoice still owes, its derived status, the running statement
and the ageing of what is outstanding. Pure functions of the rows passed in.

Payments that name an invoice are applied to it first; what exceeds the invoice (an
over-payment) and payments naming no invoice form a credit, applied to the oldest outstanding
invoices. What is left of the credit stays on the State's account."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import models

ZERO = Decimal("0.00")


class InvoiceStatus(models.TextChoices):
    ISSUED = "issued", "Issued"
    PARTLY_PAID = "partly_paid", "Partly paid"
    PAID = "paid", "Paid"
    OVERDUE = "overdue", "Overdue"
    CREDITED = "credited", "Credited"


AGEING_BUCKETS = [
    ("not_due", "Not yet due"),
    ("days_0_30", "0–30 days"),
    ("days_31_90", "31–90 days"),
    ("days_91_365", "91–365 days"),
    ("over_365", "Over 365 days"),
]


def ageing_bucket(*, due_date: date, today: date) -> str:
    """The bucket of an amount by the days it is past its due date."""
    days = (today - due_date).days
    if days < 0:
        return "not_due"
    if days <= 30:
        return "days_0_30"
    if days <= 90:
        return "days_31_90"
    if days <= 365:
        return "days_91_365"
    return "over_365"


@dataclass
class InvoicePosition:
    invoice: object
    credited: Decimal = ZERO
    paid: Decimal = ZERO  # payments and credit applied to this invoice
    outstanding: Decimal = ZERO

    @property
    def net(self) -> Decimal:
        return self.invoice.amount - self.credited

    def status(self, today: date) -> str:
        if self.credited >= self.invoice.amount:
            return InvoiceStatus.CREDITED
        if self.outstanding <= 0:
            return InvoiceStatus.PAID
        if today > self.invoice.due_date:
            return InvoiceStatus.OVERDUE
        if self.paid > 0:
            return InvoiceStatus.PARTLY_PAID
        return InvoiceStatus.ISSUED


@dataclass
class StatementLine:
    day: date
    kind: str
    reference: str
    description: str
    debit: Decimal = ZERO
    credit: Decimal = ZERO
    balance: Decimal = ZERO


@dataclass
class Account:
    positions: list[InvoicePosition]
    lines: list[StatementLine]
    unapplied_credit: Decimal
    ageing: dict[str, Decimal] = field(default_factory=dict)

    @property
    def outstanding(self) -> Decimal:
        return sum((p.outstanding for p in self.positions), ZERO)

    @property
    def balance(self) -> Decimal:
        """What the State owes; negative when it holds a credit."""
        return self.outstanding - self.unapplied_credit

    @property
    def overdue(self) -> Decimal:
        return sum((v for k, v in self.ageing.items() if k != "not_due"), ZERO)


def account_build(
    *,
    invoices: Iterable,
    credit_notes: Iterable,
    payments: Iterable,
    today: date,
) -> Account:
    """The account of one State from its invoices, credit notes and payments (any order)."""
    invoices = sorted(invoices, key=lambda i: (i.due_date, i.issue_date, i.number))
    credit_notes = list(credit_notes)
    payments = list(payments)
    positions = {invoice.pk: InvoicePosition(invoice=invoice) for invoice in invoices}
    for note in credit_notes:
        positions[note.invoice_id].credited += note.amount
    credit = ZERO
    direct: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for payment in payments:
        if payment.invoice_id in positions:
            direct[payment.invoice_id] += payment.amount
        else:
            credit += payment.amount
    for position in positions.values():
        net = max(position.net, ZERO)
        applied = min(direct[position.invoice.pk], net)
        position.paid = applied
        credit += direct[position.invoice.pk] - applied
        position.outstanding = net - applied
    for position in positions.values():  # oldest first
        if credit <= 0:
            break
        applied = min(credit, position.outstanding)
        position.paid += applied
        position.outstanding -= applied
        credit -= applied
    ageing = {key: ZERO for key, _ in AGEING_BUCKETS}
    for position in positions.values():
        if position.outstanding > 0:
            bucket = ageing_bucket(due_date=position.invoice.due_date, today=today)
            ageing[bucket] += position.outstanding
    lines = _statement_lines(invoices, credit_notes, payments)
    return Account(
        positions=list(positions.values()), lines=lines, unapplied_credit=credit, ageing=ageing
    )


def _statement_lines(invoices, credit_notes, payments) -> list[StatementLine]:
    entries = []
    for invoice in invoices:
        entries.append(
            StatementLine(
                day=invoice.issue_date,
                kind="invoice",
                reference=invoice.number,
                description=(
                    f"Assessed contribution {invoice.year}, due {invoice.due_date:%d %b %Y}"
                ),
                debit=invoice.amount,
            )
        )
    numbers = {invoice.pk: invoice.number for invoice in invoices}
    for note in credit_notes:
        entries.append(
            StatementLine(
                day=note.issue_date,
                kind="credit_note",
                reference=note.number,
                description=f"Credit note on {numbers.get(note.invoice_id, '')}",
                credit=note.amount,
            )
        )
    for payment in payments:
        target = numbers.get(payment.invoice_id)
        entries.append(
            StatementLine(
                day=payment.received_on,
                kind="payment",
                reference=payment.reference,
                description=f"Payment received{f' for {target}' if target else ''}",
                credit=payment.amount,
            )
        )
    order = {"invoice": 0, "credit_note": 1, "payment": 2}
    entries.sort(key=lambda line: (line.day, order[line.kind]))
    balance = ZERO
    for line in entries:
        balance += line.debit - line.credit
        line.balance = balance
    return entries
