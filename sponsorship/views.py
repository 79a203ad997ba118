"""Pages of the Sponsorship Programme (URL names in the meetings namespace)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts import access
from isu_portal.errors import DomainError
from meetings.models import Meeting, Participant, ParticipantStatus
from meetings.views import _add_errors, _meeting_for
from reporting.pdf import render_pdf
from sponsorship import selectors, services
from sponsorship.charts import stacked_bars
from sponsorship.forms import (
    ApplicationForm,
    BudgetForm,
    DeadlineForm,
    DecisionForm,
    ScoreAdjustForm,
)
from sponsorship.models import ApplicationStatus, ObligationDeadline, SponsorshipApplication


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _application_for(request, meeting: Meeting, pk: int) -> SponsorshipApplication:
    """Another State's application answers 404, as if it did not exist."""
    return get_object_or_404(selectors.applications_for(user=request.user, meeting=meeting), pk=pk)


def _eligible_participants(user, meeting: Meeting):
    participants = (
        Participant.objects.filter(
            meeting=meeting, state__isnull=False, sponsorship_application__isnull=True
        )
        .exclude(status=ParticipantStatus.REJECTED)
        .select_related("state")
    )
    if access.can_manage_sponsorship(user):
        return participants
    return participants.filter(state_id=access.delegate_state_id(user) or 0)


@login_required
def application_list(request, short_name: str):
    meeting = _meeting_for(request, short_name)
    staff = access.can_manage_sponsorship(request.user)
    _require(staff or access.delegate_state_id(request.user) is not None)
    position = selectors.budget_position(meeting=meeting)
    return render(
        request,
        "meetings/sponsorship_list.html",
        {
            "meeting": meeting,
            "applications": list(selectors.applications_for(user=request.user, meeting=meeting)),
            "position": position if staff else None,
            "budget_form": BudgetForm(initial={"amount": position.budget}) if staff else None,
            "staff": staff,
            "can_view_report": access.can_view_participation_report(request.user),
        },
    )


@login_required
def application_new(request, short_name: str):
    meeting = _meeting_for(request, short_name)
    _require(
        access.can_manage_sponsorship(request.user)
        or access.delegate_state_id(request.user) is not None
    )
    form = ApplicationForm(
        request.POST or None, participants=_eligible_participants(request.user, meeting)
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_submit(
                participant=form.cleaned_data["participant"],
                national_role=form.cleaned_data["national_role"],
                is_survivor=form.cleaned_data["is_survivor"],
                items=form.items(),
                submitted_by=request.user,
            )
        except DomainError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"Application for {application.participant.name} filed.")
            return redirect(
                "meetings:sponsorship-application", short_name=meeting.short_name, pk=application.pk
            )
    return render(
        request,
        "meetings/sponsorship_form.html",
        {"form": form, "meeting": meeting},
        status=400 if request.method == "POST" else 200,
    )


def _detail_page(request, meeting, application, *, score_form=None, decision_form=None, status=200):
    staff = access.can_manage_sponsorship(request.user)
    awards = {item.kind: item.awarded_chf for item in application.items.all()}
    return render(
        request,
        "meetings/sponsorship_detail.html",
        {
            "meeting": meeting,
            "application": application,
            "criteria": services.criteria_for(
                meeting=meeting,
                participant=application.participant,
                is_survivor=application.is_survivor,
            ),
            "adjustments": list(application.score_adjustments.select_related("adjusted_by")),
            "staff": staff,
            "score_form": score_form or (ScoreAdjustForm() if staff else None),
            "decision_form": decision_form
            or (
                DecisionForm(
                    initial={f"award_{k}": v for k, v in awards.items()}
                    | {"note": application.decision_note}
                    | (
                        {"status": application.status}
                        if application.status != ApplicationStatus.SUBMITTED
                        else {"status": ApplicationStatus.WAITING_LIST}
                    )
                )
                if staff
                else None
            ),
            "awarded": application.status == ApplicationStatus.AWARDED,
        },
        status=status,
    )


@login_required
def application_detail(request, short_name: str, pk: int):
    meeting = _meeting_for(request, short_name)
    return _detail_page(request, meeting, _application_for(request, meeting, pk))


@login_required
@require_POST
def score_adjust(request, short_name: str, pk: int):
    meeting = _meeting_for(request, short_name)
    application = _application_for(request, meeting, pk)
    _require(access.can_manage_sponsorship(request.user))
    form = ScoreAdjustForm(request.POST)
    if form.is_valid():
        try:
            services.score_adjust(
                application=application, adjusted_by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Score changed; the reason is recorded.")
            return redirect("meetings:sponsorship-application", short_name=short_name, pk=pk)
    return _detail_page(request, meeting, application, score_form=form, status=400)


@login_required
@require_POST
def application_decide(request, short_name: str, pk: int):
    meeting = _meeting_for(request, short_name)
    application = _application_for(request, meeting, pk)
    _require(access.can_manage_sponsorship(request.user))
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.application_decide(
                application=application,
                status=form.cleaned_data["status"],
                awards=form.awards(),
                note=form.cleaned_data["note"],
                decided_by=request.user,
            )
        except DomainError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Decision recorded.")
            return redirect("meetings:sponsorship-application", short_name=short_name, pk=pk)
    return _detail_page(request, meeting, application, decision_form=form, status=400)


@login_required
def grant_letter(request, short_name: str, pk: int):
    """The letter confirming an award, for the ISU and the applicant's State."""
    meeting = _meeting_for(request, short_name)
    application = _application_for(request, meeting, pk)
    if application.status != ApplicationStatus.AWARDED:
        raise Http404("Only awarded applications have a grant letter")
    items = [item for item in application.items.all() if item.awarded_chf]
    pdf = render_pdf(
        "documents/sponsorship_grant_letter.html",
        {
            "meeting": meeting,
            "application": application,
            "items": items,
            "total": sum(item.awarded_chf for item in items),
            "issued_on": timezone.localdate(),
        },
        title=f"Sponsorship grant: {application.participant.name}, {meeting.short_name}",
        subject=f"CCM Sponsorship Programme, {meeting.title}",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"{meeting.short_name}-sponsorship-grant-{application.pk}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def budget_save(request, short_name: str):
    meeting = _meeting_for(request, short_name)
    _require(access.can_manage_sponsorship(request.user))
    form = BudgetForm(request.POST)
    if form.is_valid():
        try:
            services.budget_set(meeting=meeting, amount=form.cleaned_data["amount"])
        except DomainError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, "Sponsorship budget saved.")
    else:
        messages.error(request, "Give the budget as an amount in CHF.")
    return redirect("meetings:sponsorship", short_name=short_name)


@login_required
def participation_report(request, short_name: str):
    meeting = _meeting_for(request, short_name)
    _require(access.can_view_participation_report(request.user))
    report = selectors.participation_report(meeting=meeting)
    return render(
        request,
        "meetings/report.html",
        {
            "meeting": meeting,
            "report": report,
            "charts": [(b, stacked_bars(b.rows)) for b in report.breakdowns],
            "position": selectors.budget_position(meeting=meeting),
        },
    )


@login_required
def deadline_list(request):
    _require(access.can_manage_sponsorship(request.user))
    form = DeadlineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.deadline_save(**form.cleaned_data)
        except DomainError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Deadline saved.")
            return redirect("meetings:deadlines")
    return render(
        request,
        "meetings/deadlines.html",
        {
            "form": form,
            "deadlines": list(ObligationDeadline.objects.select_related("state")),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def deadline_delete(request, pk: int):
    _require(access.can_manage_sponsorship(request.user))
    services.deadline_delete(record=get_object_or_404(ObligationDeadline, pk=pk))
    messages.success(request, "Deadline removed.")
    return redirect("meetings:deadlines")
