"""Meetings, records, document edits, deadlines and budgets: rules and bad input."""

from datetime import date

import pytest
from django.urls import reverse

from isu_portal.errors import DomainError
from meetings import services
from meetings.models import Meeting, SummaryRecord
from meetings.services import reference_meetings_load
from sponsorship import services as sponsorship_services
from sponsorship.models import ObligationDeadline, SponsorshipBudget
from tests.factories import MeetingFactory, StateFactory, WorkPlanFactory
from tests.meetings.factories import MeetingDocumentFactory


def test_reference_meetings_load_is_idempotent_and_keeps_work_plans(db):
    StateFactory(name="Mexico", iso3="MEX", region="americas")
    StateFactory(name="Philippines", iso3="PHL", region="asia_pacific")
    first = reference_meetings_load()
    plan = WorkPlanFactory(year=2026, meeting=first[1])
    second = reference_meetings_load()
    assert [m.pk for m in first] == [m.pk for m in second]
    msp12, msp13 = Meeting.objects.get(short_name="12MSP"), Meeting.objects.get(short_name="13MSP")
    assert (msp12.presidency.iso3, msp12.dates_display) == ("MEX", "10-13 September 2024")
    assert (msp13.presidency.iso3, msp13.dates_display) == ("PHL", "16-19 September 2025")
    assert msp13.is_public and msp13.symbol_series == "CCM/MSP"
    plan.refresh_from_db()
    assert plan.meeting == msp13


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"short_name": "new"}, "cannot be a short name"),
        ({"short_name": "a/b"}, "cannot be a short name"),
        ({"short_name": "13msp"}, "already called"),
        ({"end_date": date(2025, 1, 1)}, "cannot end before"),
        ({"kind": "party"}, "Unknown kind"),
        ({"start_date": None}, "first and last day"),
    ],
)
def test_meeting_rules(meeting, fields, message):
    base = {
        "kind": "workshop",
        "title": "Workshop",
        "short_name": "WS-1",
        "start_date": date(2025, 5, 6),
        "end_date": date(2025, 5, 7),
    }
    with pytest.raises(DomainError, match=message):
        services.meeting_create(**base | fields)
    assert Meeting.objects.count() == 1


def test_meeting_update_keeps_its_own_short_name(meeting):
    services.meeting_update(meeting=meeting, presiding_officer="H.E. Ambassador")
    meeting.refresh_from_db()
    assert meeting.presiding_officer == "H.E. Ambassador"


def test_document_edit_changes_description_never_symbol(meeting, client_for, isu_user):
    document = MeetingDocumentFactory(meeting=meeting, symbol="CCM/MSP/2025/7", title="Old")
    url = reverse("meetings:document-edit", args=["13MSP", document.pk])
    response = client_for(isu_user).post(
        url,
        {
            "title": "New title",
            "document_date": "2025-07-01",
            "languages": ["en", "es"],
            "original_language": "en",
            "distribution": "limited",
            "symbol": "CCM/HACKED/1",
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title, document.symbol, document.languages, document.is_public) == (
        "New title",
        "CCM/MSP/2025/7",
        ["en", "es"],
        False,
    )
    bad = client_for(isu_user).post(
        url,
        {
            "title": "x",
            "document_date": "2025-07-01",
            "languages": ["es"],
            "original_language": "en",
            "distribution": "general",
        },
    )
    assert bad.status_code == 400 and "original language" in bad.content.decode()
    document.refresh_from_db()
    assert document.title == "New title"
    with pytest.raises(DomainError, match="cannot be changed"):
        services.document_update(document=document, symbol="X")


def test_summary_record_rules(meeting, client_for, isu_user, delegate_a):
    with pytest.raises(DomainError, match="no text"):
        services.summary_record_save(meeting=meeting, text=" ", adopted_on=None)
    with pytest.raises(DomainError, match="before the meeting starts"):
        services.summary_record_save(meeting=meeting, text="x", adopted_on=date(2025, 1, 1))
    url = reverse("meetings:summary-save", args=["13MSP"])
    assert client_for(delegate_a).post(url, {"text": "Mine"}).status_code == 403
    assert not SummaryRecord.objects.exists()
    client_for(isu_user).post(url, {"text": "The meeting opened.", "adopted_on": "2025-09-19"})
    client_for(isu_user).post(url, {"text": "The meeting opened and closed."})
    record = SummaryRecord.objects.get()
    assert (record.text, record.adopted_on) == ("The meeting opened and closed.", None)


def test_follow_up_rules(meeting):
    other = MeetingFactory(short_name="OTHER")
    decision = services.decision_add(meeting=other, text="x")
    with pytest.raises(DomainError) as error:
        services.follow_up_add(
            meeting=meeting, description=" ", owner="", due_date=None, decision=decision
        )
    assert len(error.value.messages) == 4
    action = services.follow_up_add(
        meeting=meeting, description="Send letters", owner="ISU", due_date=date(2025, 10, 1)
    )
    services.follow_up_complete(action=action, on=date(2025, 9, 30))
    with pytest.raises(DomainError, match="already done"):
        services.follow_up_complete(action=action)


def test_decisions_are_numbered(meeting):
    first = services.decision_add(meeting=meeting, text="Adopts the agenda")
    second = services.decision_add(meeting=meeting, text="Approves the plan")
    assert (first.position, second.position) == (1, 2)


def test_deadlines_page(meeting, client_for, isu_user, delegate_a, state_b):
    url = reverse("meetings:deadlines")
    data = {"state": state_b.pk, "article": 4, "deadline": "2025-08-01", "note": "Extended"}
    assert client_for(delegate_a).post(url, data).status_code == 403
    assert not ObligationDeadline.objects.exists()
    assert client_for(isu_user).post(url, data).status_code == 302
    assert client_for(isu_user).post(url, data | {"deadline": "2030-08-01"}).status_code == 302
    record = ObligationDeadline.objects.get()  # moved, not duplicated
    assert record.deadline == date(2030, 8, 1)
    assert client_for(isu_user).post(url, data | {"article": 5}).status_code == 400
    assert ObligationDeadline.objects.count() == 1


def test_budget_page(meeting, client_for, isu_user, delegate_a):
    url = reverse("meetings:sponsorship-budget", args=["13MSP"])
    assert client_for(delegate_a).post(url, {"amount": "50000"}).status_code == 403
    assert not SponsorshipBudget.objects.exists()
    client_for(isu_user).post(url, {"amount": "-1"})
    assert not SponsorshipBudget.objects.exists()
    client_for(isu_user).post(url, {"amount": "50000"})
    assert SponsorshipBudget.objects.get().amount == 50000
    with pytest.raises(DomainError, match="not an amount"):
        sponsorship_services.budget_set(meeting=meeting, amount="lots")
    with pytest.raises(DomainError):
        sponsorship_services.budget_set(meeting=meeting, amount="NaN")


def test_delegate_applies_through_the_page(meeting, client_for, delegate_a, state_a):
    from tests.meetings.factories import ParticipantFactory

    person = ParticipantFactory(meeting=meeting, state=state_a)
    response = client_for(delegate_a).post(
        reverse("meetings:sponsorship-apply", args=["13MSP"]),
        {
            "participant": person.pk,
            "national_role": "Article 7 reporting",
            "is_survivor": "on",
            "flight_estimate": "1200",
            "dsa_days": "4",
            "dsa_estimate": "",
        },
    )
    assert response.status_code == 400
    assert "Give both the number and the estimated amount." in response.content.decode()
    response = client_for(delegate_a).post(
        reverse("meetings:sponsorship-apply", args=["13MSP"]),
        {
            "participant": person.pk,
            "national_role": "Article 7 reporting",
            "is_survivor": "on",
            "flight_estimate": "1200",
            "dsa_days": "4",
            "dsa_estimate": "1000",
        },
    )
    assert response.status_code == 302
    assert person.sponsorship_application.requested_total == 2200
