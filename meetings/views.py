"""Pages of meetings: thin views that ask accounts.access, call services and render."""

from urllib.parse import urlparse

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts import access
from isu_portal.errors import DomainError
from meetings import selectors, services
from meetings.calendar import meetings_calendar
from meetings.exports import participants_csv, participants_xlsx
from meetings.files import CONTENT_TYPES
from meetings.filters import MeetingDocumentFilter
from meetings.forms import (
    AgendaItemForm,
    DecisionForm,
    DocumentEditForm,
    DocumentForm,
    FollowUpForm,
    MeetingForm,
    ParticipantForm,
    SummaryRecordForm,
)
from meetings.models import (
    AgendaItem,
    FollowUpAction,
    Meeting,
    MeetingDocument,
    Participant,
    ParticipantStatus,
)
from parties.models import State


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _meeting_for(request, short_name: str) -> Meeting:
    try:
        meeting = selectors.meeting_detail(short_name=short_name)
    except Meeting.DoesNotExist as exc:
        raise Http404("No such meeting") from exc
    if not access.can_view_meeting(request.user, meeting):
        raise Http404("No such meeting")  # a non-public meeting is not revealed to visitors
    return meeting


def _add_errors(form, error: DomainError) -> None:
    for message in error.messages:
        if error.field and error.field in form.fields:
            form.add_error(error.field, message)
        else:
            form.add_error(None, message)


# --- Meetings ----------------------------------------------------------------------------------


def meeting_list(request):
    meetings = list(selectors.meeting_list(user=request.user))
    today = timezone.localdate()
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "upcoming": [m for m in meetings if m.end_date >= today][::-1],
            "past": [m for m in meetings if m.end_date < today],
            "can_edit": access.can_edit_meetings(request.user),
            "can_view_follow_ups": access.can_view_follow_ups(request.user),
        },
    )


def meeting_calendar(request):
    meetings = Meeting.objects.filter(is_public=True).select_related("presidency")
    body = meetings_calendar(
        meetings.order_by("start_date"),
        url_for=lambda m: request.build_absolute_uri(
            reverse("meetings:detail", args=[m.short_name])
        ),
        # UIDs must not change with the address a subscriber happens to use.
        domain=urlparse(settings.PORTAL_BASE_URL).hostname or "isu-portal",
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="ccm-meetings.ics"'
    return response


def meeting_detail(request, short_name: str):
    meeting = _meeting_for(request, short_name)
    can_edit = access.can_edit_meetings(request.user)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda": selectors.agenda_numbered(meeting=meeting),
            "document_count": selectors.documents_visible(
                user=request.user, meeting=meeting
            ).count(),
            "can_edit": can_edit,
            "agenda_form": AgendaItemForm(meeting=meeting) if can_edit else None,
            "can_register": access.is_isu_staff(request.user)
            or access.delegate_state_id(request.user) is not None,
            "can_view_report": access.can_view_participation_report(request.user),
        },
    )


def _meeting_form_page(request, meeting: Meeting | None):
    # The form works on a copy: the page keeps showing the meeting as saved.
    copy = Meeting.objects.get(pk=meeting.pk) if meeting else None
    form = MeetingForm(request.POST or None, instance=copy)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in MeetingForm.Meta.fields}
        try:
            if meeting is None:
                saved = services.meeting_create(**data)
            else:
                saved = services.meeting_update(meeting=Meeting.objects.get(pk=meeting.pk), **data)
        except DomainError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"{saved.short_name} saved.")
            return redirect("meetings:detail", short_name=saved.short_name)
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "meeting": meeting},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def meeting_create(request):
    _require(access.can_edit_meetings(request.user))
    return _meeting_form_page(request, None)


@login_required
def meeting_edit(request, short_name: str):
    meeting = _meeting_for(request, short_name)
    _require(access.can_edit_meetings(request.user))
    return _meeting_form_page(request, meeting)


# --- Agenda (htmx: each action re-renders the agenda fragment) --------------------------------


def _agenda_response(request, meeting: Meeting, form=None):
    """htmx gets the agenda fragment (errors included: htmx swaps only successful answers, so
    a refused form is still a 200 whose fragment shows the errors); plain POSTs redirect."""
    if not request.htmx:
        return redirect(reverse("meetings:detail", args=[meeting.short_name]) + "#agenda")
    return render(
        request,
        "meetings/_agenda.html",
        {
            "meeting": meeting,
            "agenda": selectors.agenda_numbered(meeting=meeting),
            "can_edit": True,
            "agenda_form": form or AgendaItemForm(meeting=meeting),
        },
    )


@login_required
@require_POST
def agenda_add(request, short_name: str):
    meeting = _meeting_for(request, short_name)
    _require(access.can_edit_meetings(request.user))
    form = AgendaItemForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            services.agenda_item_add(
                meeting=meeting,
                title=form.cleaned_data["title"],
                parent=form.cleaned_data["parent"],
            )
        except DomainError as error:
            _add_errors(form, error)
        else:
            return _agenda_response(request, meeting)
    if not request.htmx:
        for message in [e for errors in form.errors.values() for e in errors]:
            messages.error(request, message)
    return _agenda_response(request, meeting, form=form)


@login_required
@require_POST
def agenda_move(request, short_name: str, pk: int):
    meeting = _meeting_for(request, short_name)
    _require(access.can_edit_meetings(request.user))
    item = get_object_or_404(AgendaItem, pk=pk, meeting=meeting)
    try:
        services.agenda_item_move(item=item, offset=-1 if request.POST.get("to") == "up" else 1)
    except DomainError as error:
        messages.error(request, error.messages[0])
    return _agenda_response(request, meeting)


@login_required
@require_POST
def agenda_delete(request, short_name: str, pk: int):
    meeting = _meeting_for(request, short_name)
    _require(access.can_edit_meetings(request.user))
    services.agenda_item_delete(item=get_object_or_404(AgendaItem, pk=pk, meeting=meeting))
    return _agenda_response(request, meeting)


# --- Documents ---------------------------------------------------------------------------------


def document_list(request, short_name: str):
    meeting = _meeting_for(request, short_name)
    documents = selectors.documents_visible(user=request.user, meeting=meeting)
    document_filter = MeetingDocumentFilter(request.GET or None, queryset=documents)
    rows = list(document_filter.qs)
    numbers = selectors.agenda_numbers(meeting=meeting)
    return render(
        request,
        "meetings/document_list.html",
        {
            "meeting": meeting,
            "filter": document_filter,
            "can_view_report": access.can_view_participation_report(request.user),
            "rows": [
                (doc, numbers.get(doc.agenda_item_id), _document_url(doc, meeting)) for doc in rows
            ],
            "can_edit": access.can_edit_meetings(request.user),
        },
    )


def _document_url(document: MeetingDocument, meeting: Meeting) -> str | None:
    if document.file:
        return reverse("meetings:document-file", args=[meeting.short_name, document.pk])
    try:
        return reverse(document.generated_url_name, args=document.generated_url_args)
    except NoReverseMatch:
        return None


def document_file(request, short_name: str, pk: int):
    meeting = _meeting_for(request, short_name)
    document = get_object_or_404(MeetingDocument.objects.select_related("meeting"), pk=pk)
    if document.meeting_id != meeting.pk or not access.can_view_document(request.user, document):
        raise Http404("No such document")
    if not document.file:
        url = _document_url(document, meeting)
        if url is None:
            raise Http404("The generated document is not available")
        return redirect(url)
    filename = f"{document.symbol.replace('/', '-')}.{document.file_type}"
    response = FileResponse(
        document.file.open("rb"),
        content_type=CONTENT_TYPES[document.file_type],
        as_attachment=document.file_type != "pdf",
        filename=filename,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
def document_register(request, short_name: str):
    meeting = _meeting_for(request, short_name)
    _require(access.can_edit_meetings(request.user))
    form = DocumentForm(request.POST or None, request.FILES or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.document_register(
                meeting=meeting,
                kind=data["kind"],
                parent=data["parent"],
                title=data["title"],
                document_date=data["document_date"],
                languages=data["languages"],
                original_language=data["original_language"],
                distribution=data["distribution"],
                is_public=data["is_public"],
                agenda_item=data["agenda_item"],
                file=data["file"],
                generated_url_name=data["generated_url_name"].strip(),
                generated_url_args=data["generated_url_args"],
                registered_by=request.user,
            )
        except DomainError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"Registered as {document.symbol}.")
            return redirect("meetings:documents", short_name=meeting.short_name)
    return render(
        request,
        "meetings/document_form.html",
        {"form": form, "meeting": meeting, "document": None},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def document_edit(request, short_name: str, pk: int):
    meeting = _meeting_for(request, short_name)
    _require(access.can_edit_meetings(request.user))
    document = get_object_or_404(MeetingDocument, pk=pk, meeting=meeting)
    initial = {name: getattr(document, name) for name in services.DOCUMENT_EDITABLE}
    initial["document_date"] = document.document_date
    form = DocumentEditForm(request.POST or None, initial=initial, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_update(document=document, **form.cleaned_data)
        except DomainError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"{document.symbol} saved.")
            return redirect("meetings:documents", short_name=meeting.short_name)
    return render(
        request,
        "meetings/document_form.html",
        {"form": form, "meeting": meeting, "document": document},
        status=400 if request.method == "POST" else 200,
    )


# --- Records -----------------------------------------------------------------------------------


def meeting_records(request, short_name: str):
    """The summary record and decisions are public with the meeting; follow-ups are internal."""
    meeting = _meeting_for(request, short_name)
    can_edit = access.can_edit_meetings(request.user)
    records = selectors.meeting_records(meeting=meeting)
    numbers = selectors.agenda_numbers(meeting=meeting)
    summary = records["summary"]
    forms = {}
    if can_edit:
        forms = {
            "summary_form": SummaryRecordForm(
                initial={"text": summary.text, "adopted_on": summary.adopted_on}
                if summary
                else None
            ),
            "decision_form": DecisionForm(meeting=meeting),
            "follow_up_form": FollowUpForm(meeting=meeting),
        }
    return render(
        request,
        "meetings/records.html",
        {
            "meeting": meeting,
            **records,
            "decision_rows": [
                (decision, numbers.get(decision.agenda_item_id))
                for decision in records["decisions"]
            ],
            "can_edit": can_edit,
            "show_follow_ups": access.can_view_follow_ups(request.user),
            "can_view_report": access.can_view_participation_report(request.user),
            **forms,
        },
    )


def _records_post(request, short_name: str, form_class, save, *, with_meeting=True):
    meeting = _meeting_for(request, short_name)
    _require(access.can_edit_meetings(request.user))
    kwargs = {"meeting": meeting} if with_meeting else {}
    form = form_class(request.POST, **kwargs)
    if form.is_valid():
        try:
            save(meeting, form.cleaned_data)
        except DomainError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, "Saved.")
    else:
        for field, errors in form.errors.items():
            for message in errors:
                messages.error(request, f"{field.replace('_', ' ')}: {message}")
    return redirect("meetings:records", short_name=meeting.short_name)


@login_required
@require_POST
def summary_save(request, short_name: str):
    return _records_post(
        request,
        short_name,
        SummaryRecordForm,
        lambda meeting, data: services.summary_record_save(meeting=meeting, **data),
        with_meeting=False,
    )


@login_required
@require_POST
def decision_add(request, short_name: str):
    return _records_post(
        request,
        short_name,
        DecisionForm,
        lambda meeting, data: services.decision_add(meeting=meeting, **data),
    )


@login_required
@require_POST
def follow_up_add(request, short_name: str):
    return _records_post(
        request,
        short_name,
        FollowUpForm,
        lambda meeting, data: services.follow_up_add(meeting=meeting, **data),
    )


@login_required
@require_POST
def follow_up_complete(request, pk: int):
    _require(access.can_edit_meetings(request.user))
    action = get_object_or_404(FollowUpAction, pk=pk)
    try:
        services.follow_up_complete(action=action)
    except DomainError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Follow-up marked as done.")
    return redirect(request.POST.get("next") or "meetings:follow-ups")


@login_required
def follow_ups(request):
    _require(access.can_view_follow_ups(request.user))
    return render(
        request,
        "meetings/follow_ups.html",
        {
            "actions": list(selectors.follow_ups_open()),
            "today": timezone.localdate(),
            "can_edit": access.can_edit_meetings(request.user),
        },
    )


# --- Participants ------------------------------------------------------------------------------


def participant_list(request, short_name: str):
    meeting = _meeting_for(request, short_name)
    staff = access.can_view_all_participants(request.user)
    own_state_id = access.delegate_state_id(request.user)
    return render(
        request,
        "meetings/participant_list.html",
        {
            "meeting": meeting,
            "public_list": list(selectors.participants_public(meeting=meeting)),
            "registrations": list(selectors.participants_for(user=request.user, meeting=meeting))
            if (staff or own_state_id)
            else None,
            "staff": staff,
            "can_register": staff or own_state_id is not None,
            "can_view_report": access.can_view_participation_report(request.user),
        },
    )


@login_required
def participant_register(request, short_name: str):
    meeting = _meeting_for(request, short_name)
    staff = access.is_isu_staff(request.user)
    own_state_id = access.delegate_state_id(request.user)
    _require(staff or own_state_id is not None)
    form = ParticipantForm(
        request.POST or None,
        state_choices=None if staff else State.objects.filter(pk=own_state_id),
        allow_organisation=staff,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.setdefault("organisation", "")
        try:
            participant = services.participant_register(
                meeting=meeting, registered_by=request.user, **data
            )
        except DomainError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request, f"{participant.name} is registered and awaits the ISU's approval."
            )
            return redirect("meetings:participants", short_name=meeting.short_name)
    return render(
        request,
        "meetings/participant_form.html",
        {"form": form, "meeting": meeting},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def participant_edit(request, short_name: str, pk: int):
    """Corrections by ISU staff, or by the State's delegates while the ISU has not decided."""
    meeting = _meeting_for(request, short_name)
    participant = get_object_or_404(
        selectors.participants_for(user=request.user, meeting=meeting), pk=pk
    )
    _require(access.can_edit_participant(request.user, participant))
    initial = {name: getattr(participant, name) for name in services.PARTICIPANT_EDITABLE}
    form = ParticipantForm(
        request.POST or None, initial=initial, allow_organisation=False, fixed_delegation=True
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.PARTICIPANT_EDITABLE}
        try:
            services.participant_update(participant=participant, **data)
        except DomainError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"{participant.name} saved.")
            return redirect("meetings:participants", short_name=meeting.short_name)
    return render(
        request,
        "meetings/participant_form.html",
        {"form": form, "meeting": meeting, "participant": participant},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def participant_decide(request, short_name: str, pk: int):
    meeting = _meeting_for(request, short_name)
    _require(access.can_approve_participants(request.user))
    participant = get_object_or_404(Participant, pk=pk, meeting=meeting)
    try:
        participant = services.participant_decide(
            participant=participant, status=request.POST.get("status", ""), decided_by=request.user
        )
    except DomainError as error:
        if request.htmx:
            return HttpResponse(error.messages[0], status=400)
        messages.error(request, error.messages[0])
    else:
        if request.htmx:  # in place: the row re-rendered with its new status
            return render(
                request,
                "meetings/_participant_row.html",
                {"person": participant, "meeting": meeting, "staff": True},
            )
        messages.success(request, f"Decision on {participant.name} recorded.")
    return redirect("meetings:participants", short_name=meeting.short_name)


@login_required
def participant_export(request, short_name: str, fmt: str):
    meeting = _meeting_for(request, short_name)
    _require(access.can_view_all_participants(request.user))
    participants = selectors.participants_for(user=request.user, meeting=meeting).filter(
        status=ParticipantStatus.APPROVED
    )
    filename = f"{meeting.short_name}-badges"
    if fmt == "csv":
        response = HttpResponse(participants_csv(participants), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    response = HttpResponse(
        participants_xlsx(participants, title=meeting.short_name),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
