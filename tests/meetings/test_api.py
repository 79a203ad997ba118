"""The meetings API: explicit permissions, delegates limited to their State, clear errors."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from meetings.models import Meeting, MeetingDocument, Participant
from sponsorship.models import SponsorshipApplication
from tests.factories import MeetingFactory, StateFactory
from tests.meetings.factories import (
    MeetingDocumentFactory,
    ParticipantFactory,
    RequestedItemFactory,
    SponsorshipApplicationFactory,
    SponsorshipBudgetFactory,
    pdf_upload,
)


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


MEETING = {
    "kind": "coordination_committee",
    "title": "Coordination Committee, March 2025",
    "short_name": "CC-2025-03",
    "start_date": "2025-03-12",
    "end_date": "2025-03-12",
    "format": "online",
}


def test_meetings_public_read_and_staff_write(meeting, isu_user, delegate_a):
    MeetingFactory(short_name="PRIVATE", is_public=False)
    names = [m["short_name"] for m in api().get("/api/meetings/").json()["results"]]
    assert names == ["13MSP"]
    assert api().get("/api/meetings/PRIVATE/").status_code == 404
    assert api(delegate_a).post("/api/meetings/", MEETING, format="json").status_code == 403
    assert api().post("/api/meetings/", MEETING, format="json").status_code in (401, 403)
    assert not Meeting.objects.filter(short_name="CC-2025-03").exists()
    response = api(isu_user).post("/api/meetings/", MEETING, format="json")
    assert response.status_code == 201 and response.json()["dates"] == "12 March 2025"


def test_meeting_bad_input_is_a_clear_400(meeting, isu_user):
    response = api(isu_user).post(
        "/api/meetings/", MEETING | {"end_date": "2025-03-11"}, format="json"
    )
    assert response.status_code == 400
    assert "cannot end before it starts" in str(response.json())
    assert Meeting.objects.count() == 1


def test_meeting_detail_has_the_numbered_agenda(meeting):
    from meetings import services

    item = services.agenda_item_add(meeting=meeting, title="Reports")
    services.agenda_item_add(meeting=meeting, title="Article 3", parent=item)
    agenda = api().get("/api/meetings/13MSP/").json()["agenda"]
    assert [(a["number"], a["title"]) for a in agenda] == [("1", "Reports"), ("1(i)", "Article 3")]


def test_documents_api(meeting, isu_user, delegate_a):
    MeetingDocumentFactory(meeting=meeting, is_public=False, symbol="CCM/MSP/2025/INF/9")
    assert api().get("/api/meeting-documents/").json()["results"] == []
    assert len(api(delegate_a).get("/api/meeting-documents/").json()["results"]) == 1
    payload = {
        "meeting": "13MSP",
        "kind": "wp",
        "title": "Gender and diversity",
        "document_date": "2025-08-01",
        "languages": ["en"],
        "file": pdf_upload(),
    }
    assert api(delegate_a).post("/api/meeting-documents/", payload).status_code == 403
    assert MeetingDocument.objects.count() == 1
    response = api(isu_user).post("/api/meeting-documents/", payload | {"file": pdf_upload()})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["symbol"] == "CCM/MSP/2025/WP.1" and body["file_type"] == "pdf"
    assert body["url"].endswith(f"/meetings/13MSP/documents/{body['id']}/file/")
    bad = api(isu_user).post(
        "/api/meeting-documents/",
        {
            "meeting": "13MSP",
            "kind": "document",
            "title": "x",
            "document_date": "2025-08-01",
            "languages": ["en"],
            "generated_url_name": "nowhere",
        },
        format="json",
    )
    assert bad.status_code == 400 and "no generated document" in str(bad.json())
    assert MeetingDocument.objects.count() == 2


def test_participants_api_limits_delegates_to_their_state(
    meeting, isu_user, delegate_a, state_a, state_b
):
    own = ParticipantFactory(meeting=meeting, state=state_a)
    other = ParticipantFactory(meeting=meeting, state=state_b)
    ids = [p["id"] for p in api(delegate_a).get("/api/participants/").json()["results"]]
    assert ids == [own.pk]
    assert api(delegate_a).get(f"/api/participants/{other.pk}/").status_code == 404
    assert api().get("/api/participants/").status_code in (401, 403)
    payload = {
        "meeting": "13MSP",
        "state": "LAO",
        "name": "X",
        "gender": "male",
        "email": "x@example.org",
    }
    assert api(delegate_a).post("/api/participants/", payload, format="json").status_code == 403
    assert Participant.objects.count() == 2
    created = api(delegate_a).post("/api/participants/", payload | {"state": "FRA"}, format="json")
    assert created.status_code == 201 and created.json()["status"] == "pending"


def test_only_staff_decide_on_registrations(meeting, isu_user, delegate_a, state_a):
    person = ParticipantFactory(meeting=meeting, state=state_a, status="pending")
    url = f"/api/participants/{person.pk}/decision/"
    assert api(delegate_a).post(url, {"status": "approved"}, format="json").status_code == 403
    person.refresh_from_db()
    assert person.status == "pending"
    response = api(isu_user).post(url, {"status": "approved"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "approved"


def test_applications_api(meeting, isu_user, delegate_a, delegate_b, state_a, state_b):
    own = ParticipantFactory(meeting=meeting, state=state_a)
    other = SponsorshipApplicationFactory(
        participant=ParticipantFactory(meeting=meeting, state=state_b)
    )
    RequestedItemFactory(application=other)
    assert api(delegate_a).get(f"/api/sponsorship-applications/{other.pk}/").status_code == 404
    assert api(delegate_a).get("/api/sponsorship-applications/").json()["results"] == []
    payload = {
        "participant": own.pk,
        "national_role": "Victim assistance focal point",
        "items": [{"kind": "flight", "estimate_chf": "900.00"}],
    }
    assert (
        api(delegate_b).post("/api/sponsorship-applications/", payload, format="json").status_code
        == 403
    )
    assert SponsorshipApplication.objects.count() == 1
    response = api(delegate_a).post("/api/sponsorship-applications/", payload, format="json")
    assert response.status_code == 201 and response.json()["requested_total"] == "900.00"
    mine = response.json()["id"]
    decision = {"status": "awarded", "awards": {"flight": "900"}}
    url = f"/api/sponsorship-applications/{mine}/decision/"
    assert api(delegate_a).post(url, decision, format="json").status_code == 403
    over = api(isu_user).post(url, decision, format="json")
    assert over.status_code == 400 and "sponsorship budget" in str(over.json())
    assert SponsorshipApplication.objects.get(pk=mine).status == "submitted"
    SponsorshipBudgetFactory(meeting=meeting, amount=1000)
    awarded = api(isu_user).post(url, decision, format="json")
    assert awarded.status_code == 200 and awarded.json()["awarded_total"] == "900.00"
    score = api(isu_user).post(
        f"/api/sponsorship-applications/{mine}/score/",
        {"new_score": 20, "reason": "Sole survivor representative"},
        format="json",
    )
    assert score.json()["score"] == 20


def populate(meeting, size):
    for n in range(size):
        state = StateFactory(region="africa", consent_date=date(2010, 1, 1))
        MeetingFactory(short_name=f"X{meeting.pk}-{size}-{n}")
        MeetingDocumentFactory(meeting=meeting)
        person = ParticipantFactory(meeting=meeting, state=state)
        RequestedItemFactory(application=SponsorshipApplicationFactory(participant=person))


@pytest.mark.parametrize(
    "url",
    [
        "/api/meetings/",
        "/api/meeting-documents/?meeting=13MSP",
        "/api/participants/?meeting=13MSP",
        "/api/sponsorship-applications/?meeting=13MSP",
    ],
)
def test_api_list_queries_do_not_grow(meeting, isu_user, django_assert_num_queries, url):
    client = api(isu_user)
    populate(meeting, 2)
    client.get(url)  # the user's groups are read once and cached on the user
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    populate(meeting, 7)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200
