from datetime import date, timedelta

from django.urls import reverse
from icalendar import Calendar

from meetings.models import Meeting
from meetings.services import reference_meetings_load
from tests.factories import MeetingFactory, StateFactory


def test_feed_parses_and_lists_public_meetings_as_all_day_events(client, db):
    StateFactory(name="Philippines", iso3="PHL", region="asia_pacific")
    reference_meetings_load()
    MeetingFactory(short_name="CC-INTERNAL", is_public=False)
    response = client.get(reverse("meetings:calendar"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "Twelfth Meeting of States Parties (12MSP)",
        "Thirteenth Meeting of States Parties (13MSP)",
    }
    event = events["Thirteenth Meeting of States Parties (13MSP)"]
    assert event.decoded("dtstart") == date(2025, 9, 16)
    assert event.decoded("dtend") == date(2025, 9, 19) + timedelta(days=1)
    assert str(event["location"]) == "Palais des Nations, Geneva"
    assert "Presidency: Philippines" in str(event["description"])
    assert str(event["url"]).endswith("/meetings/13MSP/")
    assert {str(e["uid"]) for e in events.values()} == {
        f"meeting-{m.pk}@127.0.0.1" for m in Meeting.objects.filter(is_public=True)
    }
