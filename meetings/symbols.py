"""Document symbols of meetings (UN Editorial Manual): "CCM/MSP/2025/1", "CCM/MSP/2025/WP.1",
"CCM/MSP/2025/INF/1", and suffixes on an existing symbol such as "CCM/MSP/2025/1/Rev.1"."""

from meetings.models import SERIES_KINDS, SUFFIX_KINDS, Meeting, MeetingKind

# The series a meeting's documents are numbered in when the meeting does not name its own.
# MSP and Review Conference series are confirmed; the others are the ISU's working convention
# (UNCONFIRMED in docs/domain.md) and can be overridden per meeting (Meeting.symbol_series).
DEFAULT_SERIES = {
    MeetingKind.MSP: "CCM/MSP",
    MeetingKind.REVIEW_CONFERENCE: "CCM/CONF",
    MeetingKind.COORDINATION_COMMITTEE: "CCM/CC",
    MeetingKind.ANALYSIS_GROUP: "CCM/AG",
}
FALLBACK_SERIES = "CCM/MTG"


def meeting_series(meeting: Meeting) -> str:
    """ "CCM/MSP/2025": the series and the year the meeting takes place."""
    series = meeting.symbol_series or DEFAULT_SERIES.get(meeting.kind, FALLBACK_SERIES)
    return f"{series}/{meeting.start_date.year}"


def symbol_prefix(*, meeting: Meeting, kind: str, parent_symbol: str = "") -> str:
    """The part of a symbol before its number; each prefix is numbered 1, 2, 3 ..."""
    if kind in SUFFIX_KINDS:
        return f"{parent_symbol}/{SUFFIX_KINDS[kind]}"
    return f"{meeting_series(meeting)}/{SERIES_KINDS[kind]}"
