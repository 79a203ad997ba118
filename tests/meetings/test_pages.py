"""Every meeting page renders for every role, and costs the same number of queries whatever
the amount of data."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import services
from sponsorship import services as sponsorship_services
from tests.factories import MeetingFactory, StateFactory
from tests.meetings.factories import (
    AgendaItemFactory,
    MeetingDocumentFactory,
    ParticipantFactory,
    RequestedItemFactory,
    SponsorshipApplicationFactory,
    SponsorshipBudgetFactory,
)

REGIONS = ["africa", "americas", "asia_pacific", "europe", "mena"]


def populate(meeting, size: int, staff) -> None:
    """`size` of everything a meeting page shows."""
    for n in range(size):
        MeetingFactory(short_name=f"CC{meeting.pk}-{n}", kind="coordination_committee")
        state = StateFactory(
            region=REGIONS[n % len(REGIONS)], consent_date=None if n % 3 else date(2010, 1, 1)
        )
        item = AgendaItemFactory(meeting=meeting)
        AgendaItemFactory(meeting=meeting, parent=item)
        MeetingDocumentFactory(meeting=meeting, agenda_item=item, is_public=n % 2 == 0)
        person = ParticipantFactory(
            meeting=meeting, state=state, gender="female" if n % 2 else "male"
        )
        ParticipantFactory(meeting=meeting, state=None, organisation=f"NGO {n}")
        ParticipantFactory(meeting=meeting, state=state, status="pending", consent_public=False)
        application = SponsorshipApplicationFactory(participant=person)
        RequestedItemFactory(application=application, awarded_chf=100 if n % 2 else None)
        if n % 2:
            application.status = "awarded"
            application.save()
        decision = services.decision_add(meeting=meeting, text=f"Decision {n}")
        services.follow_up_add(
            meeting=meeting,
            decision=decision,
            description=f"Do {n}",
            owner="ISU",
            due_date=date(2025, 10, 1 + n),
        )
    services.summary_record_save(meeting=meeting, text="Opened.", adopted_on=None)
    SponsorshipBudgetFactory(meeting=meeting)


PAGES = [
    ("meetings:list", False, "anonymous"),
    ("meetings:detail", True, "isu"),
    ("meetings:detail", True, "anonymous"),
    ("meetings:documents", True, "anonymous"),
    ("meetings:documents", True, "isu"),
    ("meetings:participants", True, "isu"),
    ("meetings:participants", True, "delegate_a"),
    ("meetings:participants", True, "anonymous"),
    ("meetings:report", True, "isu"),
    ("meetings:records", True, "isu"),
    ("meetings:follow-ups", False, "isu"),
    ("meetings:sponsorship", True, "isu"),
    ("meetings:sponsorship", True, "delegate_a"),
    ("meetings:calendar", False, "anonymous"),
]


@pytest.mark.parametrize(("name", "with_meeting", "who"), PAGES)
def test_query_count_does_not_grow(
    meeting, role_users, client_for, django_assert_num_queries, name, with_meeting, who
):
    client = client_for(role_users[who])
    url = reverse(name, args=["13MSP"] if with_meeting else [])
    populate(meeting, 2, role_users["isu"])
    with CaptureQueriesContext(connection) as small:
        response = client.get(url)
    assert response.status_code == 200
    populate(meeting, 8, role_users["isu"])
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200


STAFF_PAGES = [
    ("meetings:create", []),
    ("meetings:edit", ["13MSP"]),
    ("meetings:document-register", ["13MSP"]),
    ("meetings:participant-register", ["13MSP"]),
    ("meetings:sponsorship-apply", ["13MSP"]),
    ("meetings:deadlines", []),
    ("meetings:report", ["13MSP"]),
]


@pytest.mark.parametrize(("name", "args"), STAFF_PAGES)
def test_staff_pages_render_and_others_are_refused(meeting, role_users, client_for, name, args):
    url = reverse(name, args=args)
    assert client_for(role_users["isu"]).get(url).status_code == 200
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 302 and "/accounts/login" in anonymous["Location"]
    if name not in ("meetings:participant-register", "meetings:sponsorship-apply"):
        assert client_for(role_users["delegate_a"]).get(url).status_code == 403


def test_non_public_meeting_is_hidden_from_visitors(db, client, client_for, delegate_a):
    MeetingFactory(short_name="CC-2025-03", kind="coordination_committee", is_public=False)
    assert client.get(reverse("meetings:detail", args=["CC-2025-03"])).status_code == 404
    assert "CC-2025-03" not in client.get(reverse("meetings:list")).content.decode()
    assert (
        client_for(delegate_a).get(reverse("meetings:detail", args=["CC-2025-03"])).status_code
        == 200
    )


def test_agenda_editing_with_htmx_returns_the_fragment(meeting, client_for, isu_user):
    client = client_for(isu_user)
    url = reverse("meetings:agenda-add", args=["13MSP"])
    response = client.post(url, {"title": "Opening of the meeting"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="agenda"') and "Opening of the meeting" in body
    response = client.post(url, {"title": ""}, HTTP_HX_REQUEST="true")
    # htmx swaps only successful answers: the refused form comes back as a 200 fragment.
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    # Without htmx the same form redirects back to the meeting.
    response = client.post(url, {"title": "Election of the President"})
    assert response.status_code == 302
    assert meeting.agenda_items.count() == 2


def test_delegate_cannot_edit_the_agenda(meeting, client_for, delegate_a):
    response = client_for(delegate_a).post(
        reverse("meetings:agenda-add", args=["13MSP"]), {"title": "Mine"}
    )
    assert response.status_code == 403
    assert meeting.agenda_items.count() == 0


def test_meeting_form_reports_a_taken_short_name(meeting, client_for, isu_user):
    response = client_for(isu_user).post(
        reverse("meetings:create"),
        {
            "kind": "msp",
            "title": "Again",
            "short_name": "13msp",
            "start_date": "2025-09-16",
            "end_date": "2025-09-15",
            "format": "in_person",
            "is_public": "on",
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "already called 13msp" in text and "cannot end before it starts" in text


def test_records_and_follow_ups(meeting, client_for, isu_user, delegate_a):
    staff = client_for(isu_user)
    staff.post(reverse("meetings:decision-add", args=["13MSP"]), {"text": "Adopts the plan."})
    staff.post(
        reverse("meetings:follow-up-add", args=["13MSP"]),
        {
            "description": "Circulate the report",
            "owner": "ISU",
            "due_date": "2025-10-15",
            "decision": meeting.decisions.get().pk,
        },
    )
    action = meeting.follow_ups.get()
    assert "Circulate the report" in staff.get(reverse("meetings:follow-ups")).content.decode()
    assert client_for(delegate_a).get(reverse("meetings:follow-ups")).status_code == 403
    refused = client_for(delegate_a).post(reverse("meetings:follow-up-complete", args=[action.pk]))
    assert refused.status_code == 403
    action.refresh_from_db()
    assert action.status == "open"
    staff.post(reverse("meetings:follow-up-complete", args=[action.pk]))
    action.refresh_from_db()
    assert action.status == "done"
    assert "Circulate the report" not in staff.get(reverse("meetings:follow-ups")).content.decode()
    public = client_for(None).get(reverse("meetings:records", args=["13MSP"])).content.decode()
    assert "Adopts the plan." in public and "Circulate the report" not in public


def test_report_counts_and_share_of_women(meeting, client_for, isu_user, state_a, state_b):
    women = [ParticipantFactory(meeting=meeting, state=state_b, gender="female") for _ in range(3)]
    man = ParticipantFactory(meeting=meeting, state=state_a, gender="male")
    ParticipantFactory(meeting=meeting, state=state_a, gender="female", status="pending")
    SponsorshipBudgetFactory(meeting=meeting, amount=10000)
    for person in [*women[:2], man]:
        application = sponsorship_services.application_submit(
            participant=person,
            national_role="x",
            items=[("flight", 1, "100")],
            submitted_by=isu_user,
        )
        sponsorship_services.application_decide(
            application=application,
            status="awarded",
            awards={"flight": "100"},
            decided_by=isu_user,
        )
    from sponsorship.selectors import participation_report

    report = participation_report(meeting=meeting)
    assert (report.participants, report.sponsored, report.women_sponsored) == (4, 3, 2)
    assert str(report.women_share_of_sponsored) == "66.7"
    gender = report.breakdowns[0]
    assert gender.rows == [("Woman", 2, 1), ("Man", 1, 0)]
    page = client_for(isu_user).get(reverse("meetings:report", args=["13MSP"])).content.decode()
    assert "66.7% (2 of 3)" in page
    assert (
        '<svg class="chart" role="img"' in page and "Woman: 2 sponsored, 1 not sponsored." in page
    )


def test_admin_pages_render_and_edit_through_the_service(meeting, client_for, superuser):
    client = client_for(superuser)
    for url in [
        "/admin/meetings/meeting/",
        f"/admin/meetings/meeting/{meeting.pk}/change/",
        "/admin/meetings/meetingdocument/",
        "/admin/meetings/participant/",
        "/admin/sponsorship/sponsorshipapplication/",
        "/admin/sponsorship/obligationdeadline/",
    ]:
        assert client.get(url).status_code == 200, url
    response = client.post(
        "/admin/meetings/meeting/add/",
        {
            "kind": "workshop",
            "title": "Regional workshop",
            "short_name": "WS-2025-LOME",
            "city": "Lomé",
            "format": "in_person",
            "start_date": "2025-05-06",
            "end_date": "2025-05-07",
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    assert meeting.__class__.objects.filter(short_name="WS-2025-LOME", city="Lomé").exists()


def test_sponsorship_tab_only_for_those_who_may_open_it(meeting, role_users, client_for):
    url = reverse("meetings:detail", args=["13MSP"])
    sponsorship = reverse("meetings:sponsorship", args=["13MSP"])
    for who, shown in [
        ("anonymous", False),
        ("committee", False),
        ("delegate_a", True),
        ("isu", True),
    ]:
        page = client_for(role_users[who]).get(url).content.decode()
        assert (sponsorship in page) is shown, who
        status = client_for(role_users[who]).get(sponsorship).status_code
        assert (status == 200) is shown, who
