"""Writes to meetings."""

from datetime import date

from django.db import transaction

from meetings.models import Meeting, MeetingKind
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
