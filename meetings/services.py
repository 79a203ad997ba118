"""Writes to meetings, their agendas, documents, records and participants.

Every function is atomic, validates first and raises DomainError on bad input, changing nothing.
"""

import re
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Max
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from accounts import access
from isu_portal.errors import DomainError
from meetings.files import sniff_file_type
from meetings.models import (
    SUFFIX_KINDS,
    AgendaItem,
    Decision,
    Distribution,
    DocumentKind,
    FollowUpAction,
    FollowUpStatus,
    Gender,
    Language,
    Meeting,
    MeetingDocument,
    MeetingFormat,
    MeetingKind,
    Participant,
    ParticipantStatus,
    SummaryRecord,
    SymbolCounter,
    document_upload_to,
)
from meetings.symbols import symbol_prefix
from parties.models import State

# Reference meetings the portal ships with (docs/domain.md): the work plans' target meetings.
REFERENCE_MEETINGS = [
    {
        "short_name": "12MSP",
        "kind": MeetingKind.MSP,
        "number": 12,
        "title": "Twelfth Meeting of States Parties",
        "city": "Geneva",
        "venue": "Palais des Nations",
        "start_date": date(2024, 9, 10),
        "end_date": date(2024, 9, 13),
        "presidency_iso3": "MEX",
        "is_public": True,
        "symbol_series": "CCM/MSP",
    },
    {
        "short_name": "13MSP",
        "kind": MeetingKind.MSP,
        "number": 13,
        "title": "Thirteenth Meeting of States Parties",
        "city": "Geneva",
        "venue": "Palais des Nations",
        "start_date": date(2025, 9, 16),
        "end_date": date(2025, 9, 19),
        "presidency_iso3": "PHL",
        "is_public": True,
        "symbol_series": "CCM/MSP",
    },
]


@transaction.atomic
def reference_meetings_load() -> list[Meeting]:
    """Creates or refreshes the reference meetings; safe to run any number of times."""
    meetings = []
    for spec in REFERENCE_MEETINGS:
        fields = {k: v for k, v in spec.items() if k not in ("short_name", "presidency_iso3")}
        fields["presidency"] = State.objects.filter(iso3=spec["presidency_iso3"]).first()
        meeting, _ = Meeting.objects.update_or_create(
            short_name=spec["short_name"], defaults=fields
        )
        meetings.append(meeting)
    return meetings


# --- Meetings ----------------------------------------------------------------------------------

MEETING_FIELDS = (
    "kind",
    "number",
    "title",
    "short_name",
    "city",
    "venue",
    "format",
    "start_date",
    "end_date",
    "presidency",
    "presiding_officer",
    "is_public",
    "symbol_series",
    "description",
)


# Short names are URL segments; these are taken by the meetings pages themselves.
SHORT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
RESERVED_SHORT_NAMES = {"new", "follow-ups", "calendar.ics", "sponsorship"}


def _check_meeting(fields: dict, *, instance: Meeting | None) -> None:
    errors = []
    if fields.get("kind") not in MeetingKind.values:
        errors.append(f"Unknown kind of meeting {fields.get('kind')!r}.")
    if fields.get("format", MeetingFormat.IN_PERSON) not in MeetingFormat.values:
        errors.append(f"Unknown meeting format {fields['format']!r}.")
    if not (fields.get("title") or "").strip():
        errors.append("A meeting needs a title.")
    short_name = (fields.get("short_name") or "").strip()
    if not short_name:
        errors.append("A meeting needs a short name (such as 13MSP).")
    elif not SHORT_NAME.fullmatch(short_name) or short_name.lower() in RESERVED_SHORT_NAMES:
        errors.append(
            f"{short_name!r} cannot be a short name: use letters, digits, dots and hyphens "
            "(such as 13MSP or CC-2025-03)."
        )
    elif (
        Meeting.objects.filter(short_name__iexact=short_name)
        .exclude(pk=instance.pk if instance else None)
        .exists()
    ):
        errors.append(f"Another meeting is already called {short_name}.")
    start, end = fields.get("start_date"), fields.get("end_date")
    if start is None or end is None:
        errors.append("A meeting needs its first and last day.")
    elif end < start:
        errors.append("A meeting cannot end before it starts.")
    if errors:
        raise DomainError(errors)


@transaction.atomic
def meeting_create(**fields) -> Meeting:
    """Creates a meeting with a unique short name and coherent dates."""
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise DomainError(f"Unknown meeting field(s): {', '.join(sorted(unknown))}.")
    _check_meeting(fields, instance=None)
    fields["short_name"] = fields["short_name"].strip()
    return Meeting.objects.create(**fields)


@transaction.atomic
def meeting_update(*, meeting: Meeting, **fields) -> Meeting:
    """Changes a meeting's details; its documents keep the symbols they were given."""
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise DomainError(f"Unknown meeting field(s): {', '.join(sorted(unknown))}.")
    merged = {name: getattr(meeting, name) for name in MEETING_FIELDS} | fields
    _check_meeting(merged, instance=meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    for name, value in fields.items():
        setattr(meeting, name, value.strip() if name == "short_name" else value)
    meeting.save()
    return meeting


# --- Agenda ------------------------------------------------------------------------------------


@transaction.atomic
def agenda_item_add(
    *, meeting: Meeting, title: str, parent: AgendaItem | None = None
) -> AgendaItem:
    """Appends an item (or a sub-item of `parent`) at the end; numbering follows the order."""
    title = (title or "").strip()
    if not title:
        raise DomainError("An agenda item needs a title.", field="title")
    if parent is not None:
        if parent.meeting_id != meeting.pk:
            raise DomainError("The parent item belongs to another meeting.", field="parent")
        if parent.parent_id is not None:
            raise DomainError("Sub-items cannot have sub-items of their own.", field="parent")
    Meeting.objects.select_for_update().get(pk=meeting.pk)  # one writer of positions at a time
    siblings = AgendaItem.objects.filter(meeting=meeting, parent=parent)
    last = siblings.aggregate(last=Max("position"))["last"] or 0
    return AgendaItem.objects.create(meeting=meeting, parent=parent, position=last + 1, title=title)


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, title: str) -> AgendaItem:
    title = (title or "").strip()
    if not title:
        raise DomainError("An agenda item needs a title.", field="title")
    item.title = title
    item.save(update_fields=["title"])
    return item


def _renumber(meeting_id: int, parent_id: int | None) -> None:
    siblings = AgendaItem.objects.filter(meeting_id=meeting_id, parent_id=parent_id).order_by(
        "position", "pk"
    )
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            AgendaItem.objects.filter(pk=sibling.pk).update(position=position)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, offset: int) -> AgendaItem:
    """Moves an item up (-1) or down (+1) among its siblings; the others renumber."""
    if offset not in (-1, 1):
        raise DomainError("An item moves one place up or down.")
    Meeting.objects.select_for_update().get(pk=item.meeting_id)
    _renumber(item.meeting_id, item.parent_id)
    item.refresh_from_db()
    neighbour = AgendaItem.objects.filter(
        meeting_id=item.meeting_id, parent_id=item.parent_id, position=item.position + offset
    ).first()
    if neighbour is None:
        raise DomainError("The item is already at that end of the agenda.")
    AgendaItem.objects.filter(pk=neighbour.pk).update(position=item.position)
    AgendaItem.objects.filter(pk=item.pk).update(position=neighbour.position)
    item.refresh_from_db()
    return item


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    """Removes an item and its sub-items; later items move up one number."""
    Meeting.objects.select_for_update().get(pk=item.meeting_id)
    meeting_id, parent_id = item.meeting_id, item.parent_id
    item.delete()
    _renumber(meeting_id, parent_id)


# --- Documents ---------------------------------------------------------------------------------


def _allocate_number(prefix: str) -> int:
    """The next number under `prefix`, gapless: the counter row is created if missing (an
    insert that ignores a concurrent twin) and then locked until the caller's transaction
    ends, so two registrations at once queue here instead of taking the same number."""
    SymbolCounter.objects.bulk_create([SymbolCounter(prefix=prefix)], ignore_conflicts=True)
    counter = SymbolCounter.objects.select_for_update().get(prefix=prefix)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _check_languages(languages: list[str]) -> list[str]:
    if not languages:
        raise DomainError("Name at least one language the document exists in.", field="languages")
    unknown = [code for code in languages if code not in Language.values]
    if unknown:
        raise DomainError(f"Unknown language code(s): {', '.join(unknown)}.", field="languages")
    return [code for code in Language.values if code in languages]  # official order


def _check_generated(url_name: str, url_args: list) -> None:
    try:
        reverse(url_name, args=url_args)
    except NoReverseMatch as exc:
        raise DomainError(
            f"The portal has no generated document {url_name!r} with arguments {url_args}.",
            field="generated_url_name",
        ) from exc


def _check_file(upload) -> tuple[str, int]:
    limit = settings.MEETING_DOCUMENT_MAX_BYTES
    if upload.size > limit:
        raise DomainError(
            f"The file is {upload.size:,} bytes; the limit is {limit:,} bytes.", field="file"
        )
    if upload.size == 0:
        raise DomainError("The file is empty.", field="file")
    file_type = sniff_file_type(upload)
    if file_type is None:
        raise DomainError(
            "The file is not a PDF, Word (DOCX) or Excel (XLSX) document.", field="file"
        )
    return file_type, upload.size


@transaction.atomic
def document_register(
    *,
    meeting: Meeting,
    kind: str,
    title: str,
    document_date: date,
    languages: list[str],
    original_language: str = Language.ENGLISH,
    distribution: str = Distribution.GENERAL,
    is_public: bool = True,
    agenda_item: AgendaItem | None = None,
    parent: MeetingDocument | None = None,
    file=None,
    generated_url_name: str = "",
    generated_url_args: list | None = None,
    registered_by=None,
) -> MeetingDocument:
    """Registers a document and gives it the next symbol of its series (CCM/MSP/2025/4,
    .../WP.2, .../3/Rev.1). Symbols are unique and gapless even when several staff register at
    once; if anything is wrong nothing is stored and no number is used up."""
    generated_url_args = list(generated_url_args or [])
    if kind not in DocumentKind.values:
        raise DomainError(f"Unknown kind of document {kind!r}.", field="kind")
    title = (title or "").strip()
    if not title:
        raise DomainError("A document needs a title.", field="title")
    if document_date is None:
        raise DomainError("A document needs its date.", field="document_date")
    languages = _check_languages(languages)
    if original_language not in Language.values:
        raise DomainError(f"Unknown original language {original_language!r}.")
    if original_language not in languages:
        raise DomainError("The original language must be one of the document's languages.")
    if distribution not in Distribution.values:
        raise DomainError(f"Unknown distribution {distribution!r}.", field="distribution")
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise DomainError("The agenda item belongs to another meeting.", field="agenda_item")
    if kind in SUFFIX_KINDS:
        if parent is None:
            raise DomainError(
                "A revision, addendum, corrigendum or amendment needs the document it belongs to.",
                field="parent",
            )
        if parent.meeting_id != meeting.pk:
            raise DomainError("That document belongs to another meeting.", field="parent")
        if kind == DocumentKind.REVISION and parent.kind == DocumentKind.REVISION:
            # A second revision revises the original: .../2/Rev.2, never .../2/Rev.1/Rev.1.
            raise DomainError(
                f"Register the new revision against {parent.parent.symbol}; it will be the "
                "next revision of that document.",
                field="parent",
            )
    elif parent is not None:
        raise DomainError("Only revisions, addenda, corrigenda and amendments have a parent.")
    if bool(file) == bool(generated_url_name):
        raise DomainError(
            "Give either an uploaded file or a document the portal generates, not both.",
            field="file",
        )
    file_type, file_size = ("", None)
    if file:
        file_type, file_size = _check_file(file)
    else:
        _check_generated(generated_url_name, generated_url_args)

    prefix = symbol_prefix(
        meeting=meeting, kind=kind, parent_symbol=parent.symbol if parent else ""
    )
    number = _allocate_number(prefix)
    document = MeetingDocument(
        meeting=meeting,
        kind=kind,
        parent=parent,
        number=number,
        symbol=f"{prefix}{number}",
        title=title,
        document_date=document_date,
        languages=languages,
        original_language=original_language,
        distribution=distribution,
        is_public=is_public,
        agenda_item=agenda_item,
        file_type=file_type,
        file_size=file_size,
        generated_url_name=generated_url_name,
        generated_url_args=generated_url_args,
        registered_by=registered_by,
    )
    if file:
        # The stored name derives from the symbol (document_upload_to), never from the upload;
        # it is written only after every check passed and removed if the row cannot be saved.
        _orphans_remove(document_upload_to(document, "upload"))
        document.file.save("upload", file, save=False)
    try:
        document.save()
    except Exception:
        if document.file:
            document.file.storage.delete(document.file.name)
        raise
    return document


def _orphans_remove(name: str) -> None:
    """Files under a symbol's name (any extension) that no document refers to were left by a
    registration whose transaction rolled back (the number went back with it). The symbol's
    counter is locked by this registration, so no one else can be writing those names: the
    leftovers go, and the new file takes the symbol's own name instead of a suffixed one."""
    storage = MeetingDocument._meta.get_field("file").storage
    folder, _, filename = name.rpartition("/")
    stem = filename.rsplit(".", 1)[0] + "."
    try:
        _, names = storage.listdir(folder)
    except FileNotFoundError:
        return
    for candidate in (f"{folder}/{n}" for n in names if n.startswith(stem)):
        if not MeetingDocument.objects.filter(file=candidate).exists():
            storage.delete(candidate)


def document_files_sweep(*, older_than: timedelta = timedelta(hours=1)) -> list[str]:
    """Deletes uploaded document files that no document refers to (left by registrations whose
    transaction rolled back) once they are older than `older_than`, so that a registration
    still in progress never loses its file. Returns the names deleted; safe to run any time."""
    storage = MeetingDocument._meta.get_field("file").storage
    folder = "meetings/documents"
    try:
        _, names = storage.listdir(folder)
    except FileNotFoundError:
        return []
    cutoff = timezone.now() - older_than
    referenced = set(
        MeetingDocument.objects.exclude(file="").values_list("file", flat=True).order_by()
    )
    deleted = []
    for name in sorted(names):
        path = f"{folder}/{name}"
        if path in referenced or storage.get_modified_time(path) > cutoff:
            continue
        storage.delete(path)
        deleted.append(path)
    return deleted


DOCUMENT_EDITABLE = (
    "title",
    "document_date",
    "languages",
    "original_language",
    "distribution",
    "is_public",
    "agenda_item",
)


@transaction.atomic
def document_update(*, document: MeetingDocument, **fields) -> MeetingDocument:
    """Changes a document's description; its symbol, kind and file never change (a new text is
    a revision with its own symbol)."""
    unknown = set(fields) - set(DOCUMENT_EDITABLE)
    if unknown:
        raise DomainError(f"These fields cannot be changed: {', '.join(sorted(unknown))}.")
    if "title" in fields:
        fields["title"] = (fields["title"] or "").strip()
        if not fields["title"]:
            raise DomainError("A document needs a title.", field="title")
    languages = _check_languages(fields.get("languages", document.languages))
    original = fields.get("original_language", document.original_language)
    if original not in languages:
        raise DomainError("The original language must be one of the document's languages.")
    if fields.get("distribution", document.distribution) not in Distribution.values:
        raise DomainError("Unknown distribution.", field="distribution")
    item = fields.get("agenda_item", document.agenda_item)
    if item is not None and item.meeting_id != document.meeting_id:
        raise DomainError("The agenda item belongs to another meeting.", field="agenda_item")
    if "languages" in fields:
        fields["languages"] = languages
    for name, value in fields.items():
        setattr(document, name, value)
    document.save()
    return document


# --- Records -----------------------------------------------------------------------------------


@transaction.atomic
def summary_record_save(*, meeting: Meeting, text: str, adopted_on: date | None) -> SummaryRecord:
    text = (text or "").strip()
    if not text:
        raise DomainError("The summary record has no text.", field="text")
    if adopted_on and adopted_on < meeting.start_date:
        raise DomainError("A summary record cannot be adopted before the meeting starts.")
    record, _ = SummaryRecord.objects.update_or_create(
        meeting=meeting, defaults={"text": text, "adopted_on": adopted_on}
    )
    return record


@transaction.atomic
def decision_add(*, meeting: Meeting, text: str, agenda_item: AgendaItem | None = None) -> Decision:
    """Records a decision, numbered after the meeting's previous ones."""
    text = (text or "").strip()
    if not text:
        raise DomainError("A decision needs its text.", field="text")
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise DomainError("The agenda item belongs to another meeting.", field="agenda_item")
    Meeting.objects.select_for_update().get(pk=meeting.pk)
    last = meeting.decisions.aggregate(last=Max("position"))["last"] or 0
    return Decision.objects.create(
        meeting=meeting, position=last + 1, text=text, agenda_item=agenda_item
    )


@transaction.atomic
def follow_up_add(
    *,
    meeting: Meeting,
    description: str,
    owner: str,
    due_date: date,
    decision: Decision | None = None,
) -> FollowUpAction:
    description, owner = (description or "").strip(), (owner or "").strip()
    errors = []
    if not description:
        errors.append("Describe the follow-up action.")
    if not owner:
        errors.append("Name who owns the follow-up action.")
    if due_date is None:
        errors.append("Give the date the action is due.")
    if decision is not None and decision.meeting_id != meeting.pk:
        errors.append("The decision belongs to another meeting.")
    if errors:
        raise DomainError(errors)
    return FollowUpAction.objects.create(
        meeting=meeting, decision=decision, description=description, owner=owner, due_date=due_date
    )


@transaction.atomic
def follow_up_complete(*, action: FollowUpAction, on: date | None = None) -> FollowUpAction:
    action = FollowUpAction.objects.select_for_update().get(pk=action.pk)
    if action.status == FollowUpStatus.DONE:
        raise DomainError("This follow-up action is already done.")
    action.status = FollowUpStatus.DONE
    action.completed_on = on or timezone.localdate()
    action.save(update_fields=["status", "completed_on"])
    return action


# --- Participants ------------------------------------------------------------------------------


def _check_participant(fields: dict, *, meeting: Meeting, exclude_pk: int | None) -> dict:
    errors = []
    cleaned = dict(fields)
    for name in ("name", "function", "organisation", "email", "phone"):
        cleaned[name] = (cleaned.get(name) or "").strip()
    if not cleaned["name"]:
        errors.append("Give the participant's name.")
    if cleaned.get("state") is None and not cleaned["organisation"]:
        errors.append("A participant represents a State or an organisation.")
    if cleaned.get("state") is not None and cleaned["organisation"]:
        errors.append("A participant represents either a State or an organisation, not both.")
    if cleaned.get("gender") not in Gender.values:
        errors.append("Choose the participant's gender (or 'prefers not to say').")
    try:
        validate_email(cleaned["email"])
    except ValidationError:
        errors.append(f"{cleaned['email']!r} is not an e-mail address.")
    else:
        cleaned["email"] = cleaned["email"].lower()
        taken = Participant.objects.filter(meeting=meeting, email__iexact=cleaned["email"])
        if taken.exclude(pk=exclude_pk).exists():
            errors.append(f"{cleaned['email']} is already registered for {meeting}.")
    if errors:
        raise DomainError(errors)
    return cleaned


@transaction.atomic
def participant_register(
    *,
    meeting: Meeting,
    registered_by,
    name: str,
    gender: str,
    email: str,
    state: State | None = None,
    organisation: str = "",
    function: str = "",
    phone: str = "",
    consent_public: bool = False,
) -> Participant:
    """Registers a participant, awaiting ISU approval. A delegate registers only for their own
    State (PermissionDenied otherwise, nothing stored); ISU staff register anyone."""
    if not access.can_register_participant(registered_by, state):
        raise PermissionDenied("You may register participants only for your own State.")
    fields = _check_participant(
        {
            "state": state,
            "organisation": organisation,
            "name": name,
            "function": function,
            "gender": gender,
            "email": email,
            "phone": phone,
        },
        meeting=meeting,
        exclude_pk=None,
    )
    return Participant.objects.create(
        meeting=meeting, consent_public=bool(consent_public), registered_by=registered_by, **fields
    )


PARTICIPANT_EDITABLE = ("name", "function", "gender", "email", "phone", "consent_public")


@transaction.atomic
def participant_update(*, participant: Participant, **fields) -> Participant:
    """Corrects a registration; the delegation (State or organisation) does not change."""
    unknown = set(fields) - set(PARTICIPANT_EDITABLE)
    if unknown:
        raise DomainError(f"These fields cannot be changed: {', '.join(sorted(unknown))}.")
    current = {
        name: getattr(participant, name)
        for name in ("state", "organisation", "name", "function", "gender", "email", "phone")
    }
    consent = fields.pop("consent_public", participant.consent_public)
    cleaned = _check_participant(
        current | fields, meeting=participant.meeting, exclude_pk=participant.pk
    )
    for name in ("name", "function", "gender", "email", "phone"):
        setattr(participant, name, cleaned[name])
    participant.consent_public = bool(consent)
    participant.save()
    return participant


@transaction.atomic
def participant_decide(*, participant: Participant, status: str, decided_by) -> Participant:
    """ISU approval (or refusal) of a registration."""
    if status not in (ParticipantStatus.APPROVED, ParticipantStatus.REJECTED):
        raise DomainError("A registration is approved or not approved.", field="status")
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    participant.status = status
    participant.decided_by = decided_by
    participant.decided_at = timezone.now()
    participant.save(update_fields=["status", "decided_by", "decided_at"])
    return participant
