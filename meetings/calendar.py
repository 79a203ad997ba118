"""The iCalendar (RFC 5545) feed of public meetings."""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from meetings.models import Meeting


def meetings_calendar(meetings, *, url_for: Callable[[Meeting], str], domain: str) -> bytes:
    """An all-day event per meeting (DTEND is exclusive in iCalendar: the day after the end)."""
    calendar = Calendar()
    calendar.add("prodid", "-//ISU CCM portal//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Convention on Cluster Munitions meetings")
    stamp = timezone.now().replace(microsecond=0)
    for meeting in meetings:
        calendar.add_component(_event(meeting, stamp=stamp, url=url_for(meeting), domain=domain))
    return calendar.to_ical()


def _event(meeting: Meeting, *, stamp: datetime, url: str, domain: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{domain}")
    event.add("dtstamp", stamp)
    event.add("summary", f"{meeting.title} ({meeting.short_name})")
    event.add("dtstart", meeting.start_date)
    event.add("dtend", meeting.end_date + timedelta(days=1))
    location = ", ".join(part for part in (meeting.venue, meeting.city) if part)
    if location:
        event.add("location", location)
    lines = [meeting.get_kind_display(), meeting.get_format_display()]
    if meeting.presidency_id:
        lines.append(f"Presidency: {meeting.presidency.name}")
    if meeting.description:
        lines.append(meeting.description)
    event.add("description", "\n".join(lines))
    event.add("url", url)
    return event
