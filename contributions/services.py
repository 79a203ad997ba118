"""Writes of contributions. Every function validates first, raises DomainError with a clear
message and then changes nothing; writes are atomic."""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template import Context, Template, TemplateSyntaxError
from django.template.loader import render_to_string
from django.utils import timezone

from budget.formatting import format_chf
from contributions import bank_statement, documents, selectors
from contributions.accounting import ZERO, InvoiceStatus
from contributions.models import (
    AssessmentBasis,
    AssessmentMethod,
    BankImport,
    CreditNote,
    DocumentCounter,
    Invoice,
    IssueJob,
    IssueJobItem,
    ItemOutcome,
    JobStatus,
    Payment,
    Pledge,
    ReminderLevel,
    SentMail,
    Series,
    SetRate,
    UNScaleRate,
)
from isu_portal.errors import DomainError
from parties.models import Contact, ContactKind, State

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
UN_SCALE_FILE = DATA_DIR / "un_scale_of_assessments_2025_2027.csv"
CENT = Decimal("0.01")
INVOICE_MAIL = "invoice"


# --- UN scale ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaleLoadResult:
    created: int
    updated: int
    unchanged: int
    not_in_registry: list[str]


@transaction.atomic
def un_scale_load(
    *, path: Path = UN_SCALE_FILE, first_year: int = 2025, last_year: int = 2027
) -> ScaleLoadResult:
    """Loads the UN scale for a period, keyed by State and period. Idempotent; every line is
    checked before anything is written. UN Member States not in the registry are skipped."""
    if last_year < first_year:
        raise DomainError("the scale period ends before it starts")
    errors: list[str] = []
    rates: dict[str, Decimal] = {}
    try:
        with Path(path).open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if not {"state", "rate_percent"} <= set(reader.fieldnames or []):
                raise DomainError("line 1: the columns must be state,rate_percent")
            for row in reader:
                name = (row["state"] or "").strip()
                try:
                    rate = Decimal((row["rate_percent"] or "").strip())
                except InvalidOperation:
                    errors.append(f"line {reader.line_num}: {row['rate_percent']!r} is not a rate")
                    continue
                if not name or rate < 0 or rate > 100:
                    errors.append(f"line {reader.line_num}: bad row {row!r}")
                    continue
                if name in rates:
                    errors.append(f"line {reader.line_num}: {name} appears twice")
                rates[name] = rate
    except OSError as exc:
        raise DomainError(f"cannot read {path}: {exc.strerror}") from exc
    if errors:
        raise DomainError(errors)
    total = sum(rates.values())
    if abs(total - 100) > Decimal("0.01"):
        raise DomainError(f"the rates add up to {total} %, not 100 %")
    states = {s.name: s for s in State.objects.filter(name__in=rates)}
    existing = {
        r.state_id: r
        for r in UNScaleRate.objects.filter(first_year=first_year, state__in=states.values())
    }
    created = updated = unchanged = 0
    for name, state in states.items():
        current = existing.get(state.pk)
        if current is None:
            UNScaleRate.objects.create(
                state=state, first_year=first_year, last_year=last_year, rate_percent=rates[name]
            )
            created += 1
        elif current.rate_percent != rates[name] or current.last_year != last_year:
            current.rate_percent, current.last_year = rates[name], last_year
            current.save(update_fields=["rate_percent", "last_year"])
            updated += 1
        else:
            unchanged += 1
    return ScaleLoadResult(
        created=created,
        updated=updated,
        unchanged=unchanged,
        not_in_registry=sorted(set(rates) - set(states)),
    )


# --- Basis of the assessment ------------------------------------------------------------------


def _refuse_if_issued(year: int) -> None:
    if Invoice.objects.filter(year=year).exists():
        raise DomainError(
            f"invoices for {year} have been issued: the basis of the assessment can no longer "
            "change (correct an invoice with a credit note)"
        )


@transaction.atomic
def assessment_basis_set(
    *,
    year: int,
    method: str,
    floor: Decimal | None = None,
    ceiling_percent: Decimal | None = None,
    user=None,
) -> AssessmentBasis:
    """Chooses how the year's budget is shared. Refused once the year has invoices."""
    errors = []
    if method not in AssessmentMethod.values:
        errors.append(f"unknown method {method!r}")
    if floor is not None and (floor < 0 or floor != floor.to_integral_value()):
        errors.append("the floor must be a whole, non-negative number of francs")
    if ceiling_percent is not None and not 0 < ceiling_percent <= 100:
        errors.append("the ceiling must be a percentage above 0 and at most 100")
    if floor is not None and ceiling_percent is not None:
        pass  # whether they fit the budget is checked when the budget is shared
    if errors:
        raise DomainError(errors)
    _refuse_if_issued(year)
    basis, _ = AssessmentBasis.objects.get_or_create(year=year)
    basis.method = method
    basis.floor = floor
    basis.ceiling_percent = ceiling_percent
    basis.updated_by = user
    basis.save()
    return basis


@transaction.atomic
def set_rate_save(*, year: int, state: State, rate_percent: Decimal | None) -> SetRate | None:
    """Sets (or with None removes) the rate the ISU gives a State that has no UN rate."""
    _refuse_if_issued(year)
    if rate_percent is None:
        SetRate.objects.filter(year=year, state=state).delete()
        return None
    if not 0 < rate_percent <= 100:
        raise DomainError("a rate must be above 0 % and at most 100 %")
    if UNScaleRate.objects.filter(state=state, first_year__lte=year, last_year__gte=year).exists():
        raise DomainError(f"{state} has a UN rate for {year}: the ISU sets rates only for others")
    rate, _ = SetRate.objects.update_or_create(
        year=year, state=state, defaults={"rate_percent": rate_percent}
    )
    return rate


@transaction.atomic
def pledge_record(*, year: int, state: State, amount: Decimal) -> Pledge:
    """Records (or changes) a State's voluntary pledge for a year, before invoices are issued."""
    if amount <= 0 or amount != amount.to_integral_value():
        raise DomainError("a pledge is a positive whole number of francs")
    _refuse_if_issued(year)
    pledge, _ = Pledge.objects.update_or_create(year=year, state=state, defaults={"amount": amount})
    return pledge


# --- Numbering ---------------------------------------------------------------------------------


def _next_number(*, series: str, year: int) -> int:
    """The next number in a series, gapless: the counter row stays locked until the caller's
    transaction commits, so a rolled-back issue gives its number back."""
    DocumentCounter.objects.get_or_create(series=series, year=year)
    counter = DocumentCounter.objects.select_for_update().get(series=series, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def invoice_number(*, year: int, sequence: int) -> str:
    return f"{settings.CONTRIBUTIONS_INVOICE_PREFIX}-{year}-{sequence:04d}"


def credit_note_number(*, year: int, sequence: int) -> str:
    return f"{settings.CONTRIBUTIONS_INVOICE_PREFIX}-CN-{year}-{sequence:04d}"


# --- Invoices ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueResult:
    invoice: Invoice
    created: bool


@transaction.atomic
def invoice_issue(
    *,
    year: int,
    state: State,
    amount: Decimal,
    method: str,
    budget: Decimal,
    rate_percent: Decimal | None = None,
    basis_note: str = "",
    issue_date: date | None = None,
    user=None,
) -> IssueResult:
    """Issues the State's invoice for the year with the next gapless number, or returns the one
    already issued (one invoice per State and year). The year's counter row is locked first, so
    concurrent issuers take turns and none can slip in between the check and the insert."""
    if amount is None or amount < 0:
        raise DomainError("an invoice amount cannot be negative")
    if amount == 0:
        raise DomainError(f"{state}'s share for {year} is nil: no invoice is issued")
    DocumentCounter.objects.get_or_create(series=Series.INVOICE, year=year)
    DocumentCounter.objects.select_for_update().get(series=Series.INVOICE, year=year)
    existing = Invoice.objects.filter(state=state, year=year).first()
    if existing is not None:
        return IssueResult(invoice=existing, created=False)
    issue_date = issue_date or timezone.localdate()
    sequence = _next_number(series=Series.INVOICE, year=year)
    number = invoice_number(year=year, sequence=sequence)
    invoice = Invoice.objects.create(
        year=year,
        sequence=sequence,
        number=number,
        state=state,
        issue_date=issue_date,
        due_date=issue_date + timedelta(days=settings.CONTRIBUTIONS_PAYMENT_TERMS_DAYS),
        amount=Decimal(amount).quantize(CENT),
        payment_reference=f"{settings.CONTRIBUTIONS_PAYMENT_REFERENCE_PREFIX}{number}",
        method=method,
        budget_total=budget,
        rate_percent=rate_percent,
        basis_note=basis_note[:200],
        host_name=settings.CONTRIBUTIONS_HOST_NAME,
        host_address=settings.CONTRIBUTIONS_HOST_ADDRESS,
        bank_name=settings.CONTRIBUTIONS_BANK_NAME,
        bank_account_holder=settings.CONTRIBUTIONS_BANK_ACCOUNT_HOLDER,
        bank_iban=settings.CONTRIBUTIONS_BANK_IBAN,
        bank_bic=settings.CONTRIBUTIONS_BANK_BIC,
        created_by=user,
    )
    return IssueResult(invoice=invoice, created=True)


def invoice_update(*, invoice: Invoice, **fields) -> None:
    """Issued invoices are immutable: a correction is a credit note referring to the invoice."""
    raise DomainError(
        f"invoice {invoice.number} is issued and cannot be changed: issue a credit note instead"
    )


@transaction.atomic
def invoices_issue_for_year(
    *, year: int, user=None, issue_date: date | None = None
) -> list[tuple[State, IssueResult]]:
    """Issues every assessed State's invoice for the year (skipping those already issued and
    nil shares), numbered in the order of the States' names. All or nothing."""
    assessment = selectors.assessment_compute(year=year)
    results = []
    for row in assessment.rows:
        if row.amount <= 0 and row.invoice is None:
            continue
        results.append(
            (
                row.state,
                invoice_issue(
                    year=year,
                    state=row.state,
                    amount=row.amount,
                    method=assessment.basis.method,
                    budget=assessment.budget,
                    rate_percent=row.rate_percent,
                    basis_note=row.note,
                    issue_date=issue_date,
                    user=user,
                ),
            )
        )
    return results


@transaction.atomic
def credit_note_issue(
    *, invoice: Invoice, amount: Decimal, reason: str, user=None, issue_date: date | None = None
) -> CreditNote:
    """Credits (part of) an invoice for a stated reason; never more than is left to credit."""
    reason = (reason or "").strip()
    errors = []
    if amount is None or amount <= 0:
        errors.append("the amount to credit must be positive")
    elif amount != amount.quantize(CENT):
        errors.append("the amount to credit has more than two decimals")
    if not reason:
        errors.append("give the reason for the credit note")
    if errors:
        raise DomainError(errors)
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    credited = sum((n.amount for n in invoice.credit_notes.all()), ZERO)
    if credited + amount > invoice.amount:
        raise DomainError(
            f"only CHF {format_chf(invoice.amount - credited, places=2)} "
            f"of invoice {invoice.number} is left to "
            "credit"
        )
    issue_date = issue_date or timezone.localdate()
    sequence = _next_number(series=Series.CREDIT_NOTE, year=issue_date.year)
    return CreditNote.objects.create(
        invoice=invoice,
        year=issue_date.year,
        sequence=sequence,
        number=credit_note_number(year=issue_date.year, sequence=sequence),
        issue_date=issue_date,
        amount=amount,
        reason=reason,
        created_by=user,
    )


# --- Payments ----------------------------------------------------------------------------------


def _payment_check(*, state: State, invoice: Invoice | None, amount, received_on, today) -> None:
    errors = []
    if amount is None or amount <= 0:
        errors.append("the amount received must be positive")
    elif amount != amount.quantize(CENT):
        errors.append("the amount received has more than two decimals")
    if received_on is None:
        errors.append("give the date the payment was received")
    elif received_on > today:
        errors.append("a payment cannot be received in the future")
    if invoice is not None and invoice.state_id != state.pk:
        errors.append(f"invoice {invoice.number} is not {state}'s")
    if errors:
        raise DomainError(errors)


@transaction.atomic
def payment_record(
    *,
    state: State,
    amount: Decimal,
    received_on: date,
    invoice: Invoice | None = None,
    reference: str = "",
    note: str = "",
    user=None,
    today: date | None = None,
) -> Payment:
    """Records money received: full, partial or more than owed (the excess is a credit)."""
    _payment_check(
        state=state,
        invoice=invoice,
        amount=amount,
        received_on=received_on,
        today=today or timezone.localdate(),
    )
    return Payment.objects.create(
        state=state,
        invoice=invoice,
        amount=amount,
        received_on=received_on,
        reference=reference.strip() or (invoice.payment_reference if invoice else ""),
        note=note.strip(),
        recorded_by=user,
    )


def _line_of(message: str) -> int:
    head = message.split(":", 1)[0]
    return int(head.removeprefix("line ")) if head.startswith("line ") else 0


@transaction.atomic
def bank_statement_import(*, content: bytes, file_name: str, user=None) -> BankImport:
    """Imports every credit of a bank statement as a payment on the invoice whose payment
    reference it carries. Every row must be readable and match an invoice, and no bank
    transaction may have been imported before; otherwise DomainError lists each bad row and
    nothing at all is imported."""
    try:
        rows, errors = bank_statement.statement_read(content=content, file_name=file_name)
    except ValueError as exc:
        raise DomainError(str(exc)) from exc
    invoices = {
        bank_statement.normalise_reference(invoice.payment_reference): invoice
        for invoice in Invoice.objects.select_related("state")
    }
    known = set(
        Payment.objects.filter(
            bank_transaction_id__in=[r.transaction_id for r in rows if r.transaction_id]
        ).values_list("bank_transaction_id", flat=True)
    )
    today = timezone.localdate()
    matched = []
    for row in rows:
        invoice = invoices.get(bank_statement.normalise_reference(row.reference))
        if invoice is None:
            errors.append(
                f"line {row.line}: no invoice has the payment reference {row.reference!r}"
            )
        elif row.transaction_id in known:
            errors.append(f"line {row.line}: transaction {row.transaction_id} was already imported")
        elif row.received_on > today:
            errors.append(f"line {row.line}: the date {row.received_on} is in the future")
        else:
            matched.append((row, invoice))
    if errors:
        raise DomainError(sorted(errors, key=_line_of))
    if not matched:
        raise DomainError(f"{file_name} holds no payment")
    batch = BankImport.objects.create(
        file_name=file_name[:255],
        row_count=len(matched),
        total=sum((row.amount for row, _ in matched), ZERO),
        imported_by=user,
    )
    for row, invoice in matched:
        Payment.objects.create(
            state=invoice.state,
            invoice=invoice,
            amount=row.amount,
            received_on=row.received_on,
            reference=row.reference,
            bank_transaction_id=row.transaction_id or None,
            bank_import=batch,
            recorded_by=user,
        )
    return batch


# --- E-mail ------------------------------------------------------------------------------------


def _recipients(state_id: int) -> list[str]:
    return list(
        Contact.objects.filter(state_id=state_id, receives_invoices=True)
        .order_by("email")
        .values_list("email", flat=True)
    )


@dataclass(frozen=True)
class MailResult:
    sent: bool
    detail: str


def _mail_once(
    *, invoice: Invoice, kind: str, build, level: ReminderLevel | None = None
) -> MailResult:
    """Sends the (invoice, kind) e-mail at most once. The log row is claimed (inserted, or
    locked when it exists) inside a transaction held until the message is handed to the mail
    server: a concurrent duplicate waits on the lock and then sees it sent; a worker killed
    before the commit leaves no row, so the retried task sends it."""
    recipients = _recipients(invoice.state_id)
    if not recipients:
        return MailResult(sent=False, detail="no contact receives invoices")
    with transaction.atomic():
        try:
            with transaction.atomic():
                log, _ = SentMail.objects.select_for_update().get_or_create(
                    invoice=invoice, kind=kind, defaults={"reminder_level": level}
                )
        except IntegrityError:
            log = SentMail.objects.select_for_update().get(invoice=invoice, kind=kind)
        if log.sent_at is not None:
            return MailResult(sent=False, detail=f"already sent on {log.sent_at:%d %b %Y}")
        subject, body, attachments = build()
        message = EmailMessage(
            subject=subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=recipients,
        )
        for name, data, mimetype in attachments:
            message.attach(name, data, mimetype)
        message.send()
        log.recipients = ", ".join(recipients)
        log.subject = subject[:300]
        log.sent_at = timezone.now()
        log.save(update_fields=["recipients", "subject", "sent_at"])
    return MailResult(sent=True, detail=f"sent to {len(recipients)} contact(s)")


def invoice_mail_send(*, invoice: Invoice) -> MailResult:
    """E-mails the invoice PDF to the State's contacts who receive invoices, once."""

    def build():
        context = {
            "invoice": invoice,
            "state": invoice.state,
            "host_name": settings.CONTRIBUTIONS_HOST_NAME,
            "portal_url": settings.PORTAL_BASE_URL,
        }
        subject = f"Invoice {invoice.number}: contribution to the ISU budget {invoice.year}"
        body = render_to_string("contributions/email/invoice.txt", context)
        pdf = documents.invoice_pdf(invoice=invoice)
        return subject, body, [(f"{invoice.number}.pdf", pdf, "application/pdf")]

    return _mail_once(invoice=invoice, kind=INVOICE_MAIL, build=build)


# --- Issue jobs --------------------------------------------------------------------------------


@transaction.atomic
def issue_job_start(*, year: int, send: bool, user=None) -> IssueJob:
    """Records a job that issues (and optionally e-mails) the year's invoices, and enqueues it
    once the job is committed. Refused when the budget cannot be assessed."""
    from contributions import tasks

    assessment = selectors.assessment_compute(year=year)
    rows = [row for row in assessment.rows if row.amount > 0 or row.invoice is not None]
    if not rows:
        raise DomainError(f"no State has a share of the {year} budget")
    job = IssueJob.objects.create(year=year, send=send, total=len(rows), created_by=user)
    IssueJobItem.objects.bulk_create(
        IssueJobItem(job=job, state=row.state, amount=row.amount, position=index)
        for index, row in enumerate(rows)
    )
    transaction.on_commit(lambda: tasks.issue_job_run.delay(job.pk))
    return job


def issue_job_run(*, job_id: int) -> list[int]:
    """Issues every invoice of the job in one transaction (all or nothing, numbered in the
    order of the States' names) and returns the items whose e-mail still has to go. Running it
    again continues where it stopped: issued invoices are found, done items are skipped."""
    job = IssueJob.objects.get(pk=job_id)
    if job.status == JobStatus.FINISHED:
        return []
    IssueJob.objects.filter(pk=job_id).update(status=JobStatus.RUNNING)
    try:
        with transaction.atomic():
            results = {
                state.pk: result
                for state, result in invoices_issue_for_year(year=job.year, user=job.created_by)
            }
            items = list(job.items.select_for_update().filter(done=False))
            for item in items:
                result = results.get(item.state_id)
                if result is None:
                    item.outcome, item.done = ItemOutcome.FAILED, True
                    item.mail_result = "no longer assessed for this year"
                else:
                    item.invoice = result.invoice
                    if item.outcome == ItemOutcome.PENDING:
                        item.outcome = (
                            ItemOutcome.ISSUED if result.created else ItemOutcome.ALREADY_ISSUED
                        )
                    item.done = not job.send
                item.save(update_fields=["invoice", "outcome", "done", "mail_result"])
    except DomainError as error:
        IssueJob.objects.filter(pk=job_id).update(
            status=JobStatus.FAILED, error="; ".join(error.messages), finished_at=timezone.now()
        )
        return []
    except Exception as error:
        # Nothing was issued (the transaction rolled back); the page says so instead of
        # showing a job that runs for ever. Re-raised so that the task is recorded as failed.
        IssueJob.objects.filter(pk=job_id).update(
            status=JobStatus.FAILED, error=f"unexpected error: {error}", finished_at=timezone.now()
        )
        raise
    pending = list(job.items.filter(done=False).values_list("pk", flat=True))
    if not pending:
        issue_job_finish_if_done(job_id=job_id)
    return pending


def issue_job_item_send(*, item_id: int) -> str:
    """E-mails one item's invoice (at most once) and marks the item done."""
    item = IssueJobItem.objects.select_related("invoice", "invoice__state").get(pk=item_id)
    if item.done:
        return item.mail_result
    try:
        result = invoice_mail_send(invoice=item.invoice).detail
    except Exception as exc:  # one State's failure must not stop the others; it is reported
        logger.exception("sending invoice %s failed", item.invoice)
        result = f"e-mail failed: {exc}"
        IssueJobItem.objects.filter(pk=item_id).update(
            mail_result=result[:200], done=True, outcome=ItemOutcome.FAILED
        )
    else:
        IssueJobItem.objects.filter(pk=item_id).update(mail_result=result[:200], done=True)
    issue_job_finish_if_done(job_id=item.job_id)
    return result


def issue_job_finish_if_done(*, job_id: int) -> None:
    if not IssueJobItem.objects.filter(job_id=job_id, done=False).exists():
        IssueJob.objects.filter(pk=job_id).exclude(status=JobStatus.FINISHED).update(
            status=JobStatus.FINISHED, finished_at=timezone.now()
        )


# --- Reminders ---------------------------------------------------------------------------------


def template_check(text: str, *, what: str) -> None:
    try:
        Template(text)
    except TemplateSyntaxError as exc:
        raise DomainError(f"the {what} is not a valid template: {exc}") from exc


@transaction.atomic
def reminder_level_save(
    *,
    level: ReminderLevel | None = None,
    name: str,
    offset_days: int,
    subject: str,
    body: str,
    active: bool = True,
) -> ReminderLevel:
    """Creates or changes a reminder level; the subject and text must be valid templates."""
    errors = []
    if not name.strip():
        errors.append("the level needs a name")
    if not subject.strip() or not body.strip():
        errors.append("the level needs an e-mail subject and text")
    if abs(offset_days) > 3650:
        errors.append("the offset must be within ten years of the due date")
    clash = ReminderLevel.objects.filter(offset_days=offset_days)
    if level is not None and level.pk:
        clash = clash.exclude(pk=level.pk)
    if clash.exists():
        errors.append(f"another level is already {offset_days} days from the due date")
    if errors:
        raise DomainError(errors)
    template_check(subject, what="subject")
    template_check(body, what="text")
    level = level or ReminderLevel()
    level.name, level.offset_days, level.active = name.strip(), offset_days, active
    level.subject, level.body = subject.strip(), body
    level.save()
    return level


@dataclass(frozen=True)
class DueReminder:
    invoice: Invoice
    level: ReminderLevel
    outstanding: Decimal


def reminders_due(*, today: date) -> list[DueReminder]:
    """The reminders to send on `today`: for each invoice with money outstanding, the latest
    active level whose date (due date + offset) has come, if it is on or after the issue date,
    has not been sent and no later level has been sent either."""
    levels = list(ReminderLevel.objects.filter(active=True).order_by("offset_days"))
    if not levels:
        return []
    invoices = list(
        Invoice.objects.select_related("state").filter(
            due_date__lte=today - timedelta(days=levels[0].offset_days)
        )
    )
    positions = selectors.invoice_positions(invoices=invoices, today=today)
    sent: dict[int, set[int]] = {}
    for invoice_id, level_id in SentMail.objects.filter(
        invoice__in=invoices, reminder_level__isnull=False
    ).values_list("invoice_id", "reminder_level_id"):
        sent.setdefault(invoice_id, set()).add(level_id)
    offsets = {level.pk: level.offset_days for level in levels}
    due = []
    for invoice in invoices:
        position = positions[invoice.pk]
        if position.status(today) in (InvoiceStatus.PAID, InvoiceStatus.CREDITED):
            continue
        reached = [
            level
            for level in levels
            if invoice.due_date + timedelta(days=level.offset_days) <= today
            and invoice.due_date + timedelta(days=level.offset_days) >= invoice.issue_date
        ]
        if not reached:
            continue
        latest = reached[-1]
        already = sent.get(invoice.pk, set())
        if any(offsets.get(level_id, -(10**6)) >= latest.offset_days for level_id in already):
            continue
        due.append(DueReminder(invoice=invoice, level=latest, outstanding=position.outstanding))
    return due


def reminder_send(*, invoice: Invoice, level: ReminderLevel, today: date) -> MailResult:
    """Sends one reminder with the State's statement of account attached, at most once per
    (invoice, level)."""

    def build():
        position = selectors.invoice_positions(invoices=[invoice], today=today)[invoice.pk]
        context = Context(
            {
                "invoice": invoice,
                "state": invoice.state,
                "level": level,
                "outstanding": format_chf(position.outstanding, places=2),
            },
            autoescape=False,
        )
        subject = " ".join(Template(level.subject).render(context).split())
        body = Template(level.body).render(context)
        pdf = documents.statement_pdf(state=invoice.state, today=today)
        name = f"statement-{invoice.state.iso3}-{today:%Y-%m-%d}.pdf"
        return subject, body, [(name, pdf, "application/pdf")]

    return _mail_once(invoice=invoice, kind=level.mail_kind, build=build, level=level)


@dataclass(frozen=True)
class ReminderOutcome:
    invoice: Invoice
    level: ReminderLevel
    detail: str


def reminders_send_due(*, today: date, dry_run: bool = False) -> list[ReminderOutcome]:
    """Sends every reminder due on `today` (or, with dry_run, only lists them)."""
    outcomes = []
    for reminder in reminders_due(today=today):
        if dry_run:
            detail = "would be sent"
        else:
            detail = reminder_send(
                invoice=reminder.invoice, level=reminder.level, today=today
            ).detail
        outcomes.append(
            ReminderOutcome(invoice=reminder.invoice, level=reminder.level, detail=detail)
        )
    return outcomes


@transaction.atomic
def reminder_schedule_ensure() -> bool:
    """Creates (or repairs) the daily periodic task of django-celery-beat that sends the due
    reminders. Returns True when something was created or changed."""
    from django_celery_beat.models import CrontabSchedule, PeriodicTask

    schedule, _ = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour=str(settings.CONTRIBUTIONS_REMINDER_HOUR),
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone=settings.TIME_ZONE,
    )
    task, created = PeriodicTask.objects.get_or_create(
        name="Send due contribution reminders",
        defaults={"task": "contributions.send_due_reminders", "crontab": schedule},
    )
    changed = created
    if task.task != "contributions.send_due_reminders" or task.crontab_id != schedule.pk:
        task.task, task.crontab, task.interval = "contributions.send_due_reminders", schedule, None
        task.save()
        changed = True
    return changed


# --- Demo data ---------------------------------------------------------------------------------


@transaction.atomic
def demo_contacts_ensure() -> int:
    """Gives every State Party a demo finance contact at an example.org address, so that a
    newcomer sees the invoices in var/mail/. Idempotent; returns how many were created."""
    states = State.objects.filter(consent_date__isnull=False)
    created = 0
    for state in states:
        email = f"contributions.{state.iso3.lower()}@example.org"
        _, was_created = Contact.objects.get_or_create(
            state=state,
            email=email,
            defaults={
                "kind": ContactKind.FINANCE,
                "name": f"Finance officer, {state.name} (demo)",
                "receives_invoices": True,
                "receives_documents": False,
            },
        )
        created += was_created
    return created
