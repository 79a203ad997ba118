"""Every staff-only action refused to delegates, committee members and visitors, with the
database left exactly as it was."""

from datetime import date

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import (
    AgendaItem,
    Decision,
    FollowUpAction,
    Meeting,
    MeetingDocument,
    Participant,
    SummaryRecord,
)
from sponsorship.models import (
    ObligationDeadline,
    ScoreAdjustment,
    SponsorshipApplication,
    SponsorshipBudget,
)
from tests.meetings.factories import (
    MeetingDocumentFactory,
    ObligationDeadlineFactory,
    ParticipantFactory,
    RequestedItemFactory,
    SponsorshipApplicationFactory,
)

MODELS = [
    Meeting,
    AgendaItem,
    MeetingDocument,
    SummaryRecord,
    Decision,
    FollowUpAction,
    Participant,
    SponsorshipApplication,
    SponsorshipBudget,
    ScoreAdjustment,
    ObligationDeadline,
]


def snapshot():
    """Every row of every meetings table, as values: any change shows."""
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


@pytest.fixture
def world(meeting, state_a):
    item = services.agenda_item_add(meeting=meeting, title="Opening")
    services.agenda_item_add(meeting=meeting, title="Closing")
    decision = services.decision_add(meeting=meeting, text="Adopts the agenda")
    action = services.follow_up_add(
        meeting=meeting, description="Circulate", owner="ISU", due_date=date(2025, 10, 1)
    )
    person = ParticipantFactory(meeting=meeting, state=state_a, status="pending")
    application = SponsorshipApplicationFactory(participant=person)
    RequestedItemFactory(application=application)
    return {
        "item": item,
        "decision": decision,
        "action": action,
        "document": MeetingDocumentFactory(meeting=meeting),
        "person": person,
        "application": application,
        "deadline": ObligationDeadlineFactory(state=state_a),
    }


def actions(w):
    m = "13MSP"
    return [
        (
            reverse("meetings:edit", args=[m]),
            {
                "kind": "msp",
                "title": "Hacked",
                "short_name": m,
                "start_date": "2025-09-16",
                "end_date": "2025-09-19",
                "format": "online",
            },
        ),
        (
            reverse("meetings:create"),
            {
                "kind": "msp",
                "title": "New",
                "short_name": "NEW1",
                "start_date": "2025-09-16",
                "end_date": "2025-09-19",
                "format": "online",
            },
        ),
        (reverse("meetings:agenda-move", args=[m, w["item"].pk]), {"to": "down"}),
        (reverse("meetings:agenda-delete", args=[m, w["item"].pk]), {}),
        (
            reverse("meetings:document-edit", args=[m, w["document"].pk]),
            {
                "title": "Hacked",
                "document_date": "2025-01-01",
                "languages": ["en"],
                "original_language": "en",
                "distribution": "general",
            },
        ),
        (reverse("meetings:summary-save", args=[m]), {"text": "Hacked"}),
        (reverse("meetings:decision-add", args=[m]), {"text": "Hacked"}),
        (
            reverse("meetings:follow-up-add", args=[m]),
            {"description": "x", "owner": "x", "due_date": "2025-10-01"},
        ),
        (reverse("meetings:follow-up-complete", args=[w["action"].pk]), {}),
        (reverse("meetings:participant-decide", args=[m, w["person"].pk]), {"status": "approved"}),
        (
            reverse("meetings:sponsorship-score", args=[m, w["application"].pk]),
            {"new_score": 50, "reason": "friend"},
        ),
        (
            reverse("meetings:sponsorship-decide", args=[m, w["application"].pk]),
            {"status": "declined"},
        ),
        (reverse("meetings:sponsorship-budget", args=[m]), {"amount": "999999"}),
        (
            reverse("meetings:deadlines"),
            {"state": w["person"].state_id, "article": 3, "deadline": "2031-01-01"},
        ),
        (reverse("meetings:deadline-delete", args=[w["deadline"].pk]), {}),
    ]


@pytest.mark.parametrize("who", ["anonymous", "delegate_a", "delegate_b", "committee"])
def test_staff_actions_are_refused_and_change_nothing(world, role_users, client_for, who):
    client = client_for(role_users[who])
    before = snapshot()
    for url, data in actions(world):
        response = client.post(url, data)
        assert response.status_code in (302, 403, 404), (url, response.status_code)
        if response.status_code == 302:
            assert "/accounts/login" in response["Location"], url
    assert snapshot() == before


def test_staff_may_do_them(world, role_users, client_for):
    """The same requests succeed for ISU staff, so the refusals above are about the role."""
    client = client_for(role_users["isu"])
    before = snapshot()
    for url, data in actions(world):
        response = client.post(url, data)
        assert response.status_code == 302, (url, response.status_code)
        assert "/accounts/login" not in response["Location"]
    assert snapshot() != before
