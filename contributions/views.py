"""Pages of contributions: the States Parties' portal (/invoices/) and the ISU's pages
(/contributions/). Views are thin: they check access, call a selector or a service, render."""

from __future__ import annotations

from datetime import date

import tablib
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts import access
from budget.formatting import format_chf
from contributions import charts, documents, selectors, services
from contributions.accounting import AGEING_BUCKETS, InvoiceStatus
from contributions.forms import (
    BankImportForm,
    BasisForm,
    CreditNoteForm,
    IssueForm,
    PaymentForm,
    PledgeForm,
    SetRateForm,
)
from contributions.models import AssessmentMethod, IssueJob, JobStatus
from isu_portal.errors import DomainError
from parties.models import State


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _today() -> date:
    return timezone.localdate()


# --- The States Parties' portal ---------------------------------------------------------------


@login_required
def invoice_list(request):
    """A delegate's own State's invoices, credit notes and statement; every State's for ISU."""
    _require(access.can_view_invoices(request.user))
    today = _today()
    invoices = selectors.invoices_visible(user=request.user).order_by("-year", "state__name")
    year = request.GET.get("year", "")
    if year.isdigit():
        invoices = invoices.filter(year=int(year))
    invoices = list(invoices)
    positions = selectors.invoice_positions(invoices=invoices, today=today)
    notes = list(
        selectors.credit_notes_visible(user=request.user)
        .filter(invoice__in=invoices)
        .order_by("-issue_date", "-sequence")
    )
    own_state = None
    account = None
    state_id = access.contributions_state_id(request.user)
    if state_id is not None:
        own_state = State.objects.get(pk=state_id)
        account = selectors.account_for_state(state=own_state, today=today)
    rows = [
        (invoice, positions[invoice.pk], InvoiceStatus(positions[invoice.pk].status(today)))
        for invoice in invoices
    ]
    return render(
        request,
        "contributions/invoice_list.html",
        {
            "rows": rows,
            "notes": notes,
            "own_state": own_state,
            "account": account,
            "today": today,
            "year": year,
            "is_isu": access.can_manage_contributions(request.user),
        },
    )


def _visible_invoice(request, number: str):
    _require(access.can_view_invoices(request.user))
    return get_object_or_404(selectors.invoices_visible(user=request.user), number=number)


@login_required
def invoice_detail(request, number: str):
    invoice = _visible_invoice(request, number)
    today = _today()
    position = selectors.invoice_positions(invoices=[invoice], today=today)[invoice.pk]
    return render(
        request,
        "contributions/invoice_detail.html",
        {
            "invoice": invoice,
            "position": position,
            "status": InvoiceStatus(position.status(today)),
            "credit_notes": list(invoice.credit_notes.all()),
            "payments": list(invoice.payments.all()),
            "mail_log": selectors.reminder_log(invoice=invoice),
            "is_isu": access.can_manage_contributions(request.user),
        },
    )


@login_required
def invoice_pdf(request, number: str):
    invoice = _visible_invoice(request, number)
    return _pdf_response(documents.invoice_pdf(invoice=invoice), f"{invoice.number}.pdf")


@login_required
def credit_note_pdf(request, number: str):
    _require(access.can_view_invoices(request.user))
    note = get_object_or_404(selectors.credit_notes_visible(user=request.user), number=number)
    return _pdf_response(documents.credit_note_pdf(note=note), f"{note.number}.pdf")


@login_required
def statement_pdf(request, iso3: str):
    _require(access.can_view_invoices(request.user))
    state = get_object_or_404(selectors.states_visible(user=request.user), iso3=iso3.upper())
    today = _today()
    return _pdf_response(
        documents.statement_pdf(state=state, today=today),
        f"statement-{state.iso3}-{today:%Y-%m-%d}.pdf",
    )


# --- ISU pages ---------------------------------------------------------------------------------


def _staff(request) -> None:
    _require(access.can_manage_contributions(request.user))


def _year_chart(rows) -> dict:
    groups = [
        (
            str(row.year),
            [("Budget", row.budget or row.net_invoiced), ("Received", row.received)],
        )
        for row in rows
    ]
    return charts.grouped_bars(groups)


@login_required
def overview(request):
    _staff(request)
    rows = selectors.contributions_by_year()
    if request.GET.get("format") == "xlsx":
        data = tablib.Dataset(
            headers=["Year", "Budget (CHF)", "Invoiced", "Credited", "Received", "Received %"]
        )
        for row in rows:
            data.append(
                [
                    row.year,
                    row.budget,
                    row.invoiced,
                    row.credited,
                    row.received,
                    row.received_percent,
                ]
            )
        return _xlsx(data, "contributions-by-year.xlsx", "Contributions by year")
    return render(
        request,
        "contributions/overview.html",
        {
            "rows": rows,
            "chart": _year_chart(rows),
            "jobs": list(IssueJob.objects.order_by("-created_at")[:10]),
            "next_year": _today().year + 1,
        },
    )


def _xlsx(data: tablib.Dataset, filename: str, title: str) -> HttpResponse:
    data.title = title[:31]
    response = HttpResponse(
        data.export("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def assessment(request, year: int):
    """The preview of every State's share, the basis form and the confirmation to issue."""
    _staff(request)
    basis = selectors.basis_for_year(year=year)
    basis_form = BasisForm(
        request.POST if request.POST.get("action") == "basis" else None,
        initial={
            "method": basis.method,
            "floor": basis.floor,
            "ceiling_percent": basis.ceiling_percent,
        },
    )
    status = 200
    if basis_form.is_bound:
        if basis_form.is_valid():
            try:
                services.assessment_basis_set(
                    year=year, user=request.user, **basis_form.cleaned_data
                )
            except DomainError as error:
                for message in error.messages:
                    basis_form.add_error(None, message)
                status = 400
            else:
                messages.success(request, f"The basis of the {year} assessment was saved.")
                return redirect("contributions:assessment", year=year)
        else:
            status = 400
    preview, error = None, None
    try:
        preview = selectors.assessment_compute(year=year)
    except DomainError as exc:
        error = exc
    unrated = [row.state for row in preview.rows if "no UN rate" in row.flags] if preview else []
    rate_form = SetRateForm(
        request.POST if request.POST.get("action") == "rate" else None, states=unrated
    )
    if rate_form.is_bound:
        if rate_form.is_valid():
            try:
                services.set_rate_save(
                    year=year,
                    state=rate_form.cleaned_data["state"],
                    rate_percent=rate_form.cleaned_data["rate_percent"],
                )
            except DomainError as exc:
                for message in exc.messages:
                    rate_form.add_error(None, message)
                status = 400
            else:
                messages.success(request, "The rate was saved.")
                return redirect("contributions:assessment", year=year)
        else:
            status = 400
    pledge_form = None
    if basis.method == AssessmentMethod.PLEDGES and preview:
        pledge_form = PledgeForm(
            request.POST if request.POST.get("action") == "pledge" else None,
            states=[row.state for row in preview.rows],
        )
        if pledge_form.is_bound:
            if pledge_form.is_valid():
                try:
                    services.pledge_record(year=year, **pledge_form.cleaned_data)
                except DomainError as exc:
                    for message in exc.messages:
                        pledge_form.add_error(None, message)
                    status = 400
                else:
                    messages.success(request, "The pledge was recorded.")
                    return redirect("contributions:assessment", year=year)
            else:
                status = 400
    return render(
        request,
        "contributions/assessment.html",
        {
            "year": year,
            "basis": basis,
            "basis_form": basis_form,
            "rate_form": rate_form,
            "pledge_form": pledge_form,
            "unrated": unrated,
            "preview": preview,
            "error": error,
            "issue_form": IssueForm(),
            "is_pledges": basis.method == AssessmentMethod.PLEDGES,
        },
        status=status,
    )


@login_required
@require_POST
def issue(request, year: int):
    """ISU staff confirm the preview: a job issues (and e-mails) the year's invoices."""
    _staff(request)
    form = IssueForm(request.POST)
    form.is_valid()
    try:
        job = services.issue_job_start(
            year=year, send=form.cleaned_data.get("send", False), user=request.user
        )
    except DomainError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("contributions:assessment", year=year)
    return redirect("contributions:job-detail", pk=job.pk)


@login_required
def job_detail(request, pk: int):
    _staff(request)
    job = get_object_or_404(IssueJob, pk=pk)
    progress = selectors.issue_job_progress(job=job)
    template = (
        "contributions/_job_progress.html" if request.htmx else "contributions/job_detail.html"
    )
    return render(
        request,
        template,
        {**progress, "running": job.status in (JobStatus.QUEUED, JobStatus.RUNNING)},
    )


@login_required
def credit_note_create(request, number: str):
    _staff(request)
    invoice = get_object_or_404(selectors.invoices_visible(user=request.user), number=number)
    form = CreditNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            note = services.credit_note_issue(
                invoice=invoice, user=request.user, **form.cleaned_data
            )
        except DomainError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"Credit note {note.number} issued on {invoice.number}.")
            return redirect("contributions:invoice-detail", number=invoice.number)
    return render(
        request,
        "contributions/credit_note_form.html",
        {"form": form, "invoice": invoice},
        status=400 if form.errors else 200,
    )


@login_required
def payment_create(request):
    _staff(request)
    initial = {"received_on": _today()}
    invoice_number = request.GET.get("invoice", "")
    if invoice_number:
        invoice = (
            selectors.invoices_visible(user=request.user).filter(number=invoice_number).first()
        )
        if invoice:
            initial |= {"invoice": invoice, "state": invoice.state, "amount": invoice.amount}
    form = PaymentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invoice = data["invoice"]
        try:
            payment = services.payment_record(
                state=invoice.state if invoice else data["state"],
                invoice=invoice,
                amount=data["amount"],
                received_on=data["received_on"],
                reference=data["reference"],
                note=data["note"],
                user=request.user,
            )
        except DomainError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                f"Payment of CHF {format_chf(payment.amount, places=2)} "
                f"from {payment.state} recorded.",
            )
            if invoice:
                return redirect("contributions:invoice-detail", number=invoice.number)
            return redirect("contributions:receivables")
    return render(
        request,
        "contributions/payment_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
def bank_import(request):
    _staff(request)
    form = BankImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["statement"]
        try:
            batch = services.bank_statement_import(
                content=upload.read(), file_name=upload.name, user=request.user
            )
        except DomainError as error:
            problems = error.messages
        else:
            messages.success(
                request,
                f"{batch.row_count} payment(s) totalling "
                f"CHF {format_chf(batch.total, places=2)} imported from "
                f"{batch.file_name}.",
            )
            return redirect("contributions:receivables")
    return render(
        request,
        "contributions/bank_import.html",
        {"form": form, "problems": problems},
        status=400 if (problems or form.errors) else 200,
    )


@login_required
def receivables(request):
    _staff(request)
    report = selectors.receivables(today=_today())
    if request.GET.get("format") == "xlsx":
        data = tablib.Dataset(
            headers=[
                "State",
                *[label for _, label in AGEING_BUCKETS],
                "Outstanding",
                "Credit",
                "Balance",
            ]
        )
        for row in report["rows"]:
            data.append(
                [
                    row.state.name,
                    *row.ageing,
                    row.account.outstanding,
                    row.account.unapplied_credit,
                    row.account.balance,
                ]
            )
        return _xlsx(data, f"receivables-{report['today']:%Y-%m-%d}.xlsx", "Aged receivables")
    return render(request, "contributions/receivables.html", report)
