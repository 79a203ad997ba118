"""The PDFs of contributions: invoice, credit note and statement of account, on letterhead."""

from datetime import date

from django.conf import settings

from contributions import selectors
from contributions.accounting import AGEING_BUCKETS
from contributions.models import CreditNote, Invoice
from parties.models import State
from reporting.pdf import render_pdf


def _letterhead() -> dict:
    return {
        "host_name": settings.CONTRIBUTIONS_HOST_NAME,
        "host_address": settings.CONTRIBUTIONS_HOST_ADDRESS,
    }


def invoice_pdf(*, invoice: Invoice) -> bytes:
    """The invoice as issued: every figure comes from the immutable invoice row."""
    return render_pdf(
        "documents/contributions_invoice.html",
        {"invoice": invoice, "state": invoice.state, **_letterhead()},
        title=f"Invoice {invoice.number}",
        subject=f"Assessed contribution of {invoice.state.name} to the ISU budget {invoice.year}",
    )


def credit_note_pdf(*, note: CreditNote) -> bytes:
    return render_pdf(
        "documents/contributions_credit_note.html",
        {"note": note, "invoice": note.invoice, "state": note.invoice.state, **_letterhead()},
        title=f"Credit note {note.number}",
        subject=f"Credit note on invoice {note.invoice.number}",
    )


def statement_pdf(*, state: State, today: date) -> bytes:
    account = selectors.account_for_state(state=state, today=today)
    return render_pdf(
        "documents/contributions_statement.html",
        {
            "state": state,
            "account": account,
            "today": today,
            "ageing": [(label, account.ageing[key]) for key, label in AGEING_BUCKETS],
            "bank": {
                "name": settings.CONTRIBUTIONS_BANK_NAME,
                "holder": settings.CONTRIBUTIONS_BANK_ACCOUNT_HOLDER,
                "iban": settings.CONTRIBUTIONS_BANK_IBAN,
                "bic": settings.CONTRIBUTIONS_BANK_BIC,
            },
            **_letterhead(),
        },
        title=f"Statement of account: {state.name}, {today:%d %B %Y}",
        subject=f"Contributions of {state.name} to the ISU budget",
    )
