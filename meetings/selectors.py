"""Reads of meetings, agendas, documents, records and participants."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from accounts import access
from meetings.models import (
    AgendaItem,
    FollowUpAction,
    FollowUpStatus,
    Meeting,
    MeetingDocument,
    Participant,
    ParticipantStatus,
    roman_numeral,
)


def meeting_list(*, user) -> QuerySet[Meeting]:
    meetings = Meeting.objects.select_related("presidency").annotate(
        document_count=Count("documents", filter=_document_filter(user, prefix="documents__"))
    )
    if not access.is_signed_in(user):
        meetings = meetings.filter(is_public=True)
    return meetings.order_by("-start_date", "title")


def _document_filter(user, *, prefix: str = "") -> Q:
    return Q() if access.is_signed_in(user) else Q(**{f"{prefix}is_public": True})


def meeting_detail(*, short_name: str) -> Meeting:
    return Meeting.objects.select_related("presidency").get(short_name=short_name)


@dataclass(frozen=True)
class NumberedItem:
    item: AgendaItem
    number: str  # "10" or "10(i)"
    depth: int
    first: bool = False  # among its siblings: no "move up" for the first, no "down" for the last
    last: bool = False

    @property
    def label(self) -> str:
        return f"Item {self.number}"


def agenda_numbered(*, meeting: Meeting) -> list[NumberedItem]:
    """The agenda in order, each item numbered from its position: 1, 2, ... and sub-items
    10(i), 10(ii) ... (one query)."""
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk"))
    children: dict[int, list[AgendaItem]] = {}
    for item in items:
        if item.parent_id:
            children.setdefault(item.parent_id, []).append(item)
    rows = []
    top_level = [item for item in items if item.parent_id is None]
    for index, item in enumerate(top_level, start=1):
        rows.append(NumberedItem(item, str(index), 0, index == 1, index == len(top_level)))
        subs = children.get(item.pk, [])
        for sub_index, child in enumerate(subs, start=1):
            number = f"{index}({roman_numeral(sub_index)})"
            rows.append(NumberedItem(child, number, 1, sub_index == 1, sub_index == len(subs)))
    return rows


def agenda_numbers(*, meeting: Meeting) -> dict[int, str]:
    return {row.item.pk: row.number for row in agenda_numbered(meeting=meeting)}


def documents_visible(*, user, meeting: Meeting) -> QuerySet[MeetingDocument]:
    documents = MeetingDocument.objects.filter(meeting=meeting).select_related("parent")
    if not access.is_signed_in(user):
        documents = documents.filter(is_public=True)
    return documents.order_by("kind", "parent__number", "number", "pk")


def participants_for(*, user, meeting: Meeting) -> QuerySet[Participant]:
    """What the user may see of a meeting's participants: staff all, a delegate their State's."""
    participants = Participant.objects.filter(meeting=meeting).select_related("state")
    if access.can_view_all_participants(user):
        return participants
    state_id = access.delegate_state_id(user)
    return participants.filter(state_id=state_id) if state_id else participants.none()


def participants_public(*, meeting: Meeting) -> QuerySet[Participant]:
    """The public list: approved participants who consented to appear on it."""
    return (
        Participant.objects.filter(
            meeting=meeting, status=ParticipantStatus.APPROVED, consent_public=True
        )
        .select_related("state")
        .order_by("state__name", "organisation", "name")
    )


def follow_ups_open() -> QuerySet[FollowUpAction]:
    return (
        FollowUpAction.objects.filter(status=FollowUpStatus.OPEN)
        .select_related("meeting", "decision")
        .order_by("due_date", "pk")
    )


def meeting_records(*, meeting: Meeting) -> dict:
    from meetings.models import SummaryRecord

    return {
        "summary": SummaryRecord.objects.filter(meeting=meeting).first(),
        "decisions": list(
            meeting.decisions.select_related("agenda_item").prefetch_related(
                Prefetch("follow_ups", queryset=FollowUpAction.objects.order_by("due_date"))
            )
        ),
        "follow_ups": list(meeting.follow_ups.select_related("decision")),
    }
