"""Registration of participants: who may register whom, approval, the public list, badges."""

import csv
import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from isu_portal.errors import DomainError
from meetings import services
from meetings.models import Participant, ParticipantStatus
from tests.meetings.factories import ParticipantFactory


def form(state, **extra):
    return {
        "state": state.pk,
        "name": "Ana Pérez",
        "function": "Counsellor",
        "gender": "female",
        "email": "ana@example.org",
        "consent_public": "on",
    } | extra


def test_delegate_registers_for_own_state(meeting, client_for, delegate_a, state_a):
    response = client_for(delegate_a).post(
        reverse("meetings:participant-register", args=["13MSP"]), form(state_a)
    )
    assert response.status_code == 302
    person = Participant.objects.get()
    assert (person.state, person.status, person.registered_by) == (
        state_a,
        ParticipantStatus.PENDING,
        delegate_a,
    )


def test_delegate_cannot_register_for_another_state(meeting, client_for, delegate_a, state_b):
    response = client_for(delegate_a).post(
        reverse("meetings:participant-register", args=["13MSP"]), form(state_b)
    )
    assert response.status_code == 400
    assert Participant.objects.count() == 0


def test_service_refuses_a_delegate_registering_another_state(meeting, delegate_a, state_b):
    with pytest.raises(PermissionDenied):
        services.participant_register(
            meeting=meeting,
            registered_by=delegate_a,
            state=state_b,
            name="X",
            gender="male",
            email="x@example.org",
        )
    with pytest.raises(PermissionDenied):  # nor for an organisation
        services.participant_register(
            meeting=meeting,
            registered_by=delegate_a,
            organisation="ICRC",
            name="X",
            gender="male",
            email="x@example.org",
        )
    assert Participant.objects.count() == 0


@pytest.mark.parametrize("who", ["anonymous", "committee"])
def test_others_cannot_register(meeting, role_users, client_for, state_a, who):
    response = client_for(role_users[who]).post(
        reverse("meetings:participant-register", args=["13MSP"]), form(state_a)
    )
    assert response.status_code in (302, 403)
    assert Participant.objects.count() == 0


def test_staff_register_organisations(meeting, isu_user):
    person = services.participant_register(
        meeting=meeting,
        registered_by=isu_user,
        organisation="Cluster Munition Coalition",
        name="Sam Lee",
        gender="undisclosed",
        email="SAM@example.org",
    )
    assert person.delegation == "Cluster Munition Coalition"
    assert person.email == "sam@example.org"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"name": " "}, "name"),
        ({"email": "not-an-address"}, "not an e-mail"),
        ({"gender": "x"}, "gender"),
        ({"state": None}, "a State or an organisation"),
        ({"organisation": "ICRC"}, "not both"),
    ],
)
def test_bad_registrations_are_refused(meeting, isu_user, state_a, extra, message):
    fields = {"name": "A", "gender": "female", "email": "a@example.org", "state": state_a}
    with pytest.raises(DomainError, match=message):
        services.participant_register(meeting=meeting, registered_by=isu_user, **fields | extra)
    assert Participant.objects.count() == 0


def test_one_registration_per_address(meeting, isu_user, state_a):
    fields = {"name": "A", "gender": "female", "email": "a@example.org", "state": state_a}
    services.participant_register(meeting=meeting, registered_by=isu_user, **fields)
    with pytest.raises(DomainError, match="already registered"):
        services.participant_register(
            meeting=meeting, registered_by=isu_user, **fields | {"email": "A@example.org"}
        )


def test_public_list_shows_only_approved_participants_who_consented(meeting, client, state_a):
    ParticipantFactory(meeting=meeting, state=state_a, name="Listed Person")
    ParticipantFactory(meeting=meeting, state=state_a, name="Private Person", consent_public=False)
    ParticipantFactory(
        meeting=meeting, state=state_a, name="Pending Person", status=ParticipantStatus.PENDING
    )
    page = client.get(reverse("meetings:participants", args=["13MSP"])).content.decode()
    assert "Listed Person" in page
    assert "Private Person" not in page and "Pending Person" not in page
    assert "@example.org" not in page  # contacts are never public


def test_delegate_sees_own_states_registrations_only(
    meeting, client_for, delegate_a, state_a, state_b
):
    ParticipantFactory(meeting=meeting, state=state_a, name="Own Pending", status="pending")
    ParticipantFactory(meeting=meeting, state=state_b, name="Other Pending", status="pending")
    page = client_for(delegate_a).get(reverse("meetings:participants", args=["13MSP"]))
    text = page.content.decode()
    assert "Own Pending" in text and "Other Pending" not in text


def test_staff_approve_and_delegates_cannot(meeting, client_for, isu_user, delegate_a, state_a):
    person = ParticipantFactory(meeting=meeting, state=state_a, status="pending")
    url = reverse("meetings:participant-decide", args=["13MSP", person.pk])
    assert client_for(delegate_a).post(url, {"status": "approved"}).status_code == 403
    person.refresh_from_db()
    assert person.status == "pending"
    assert client_for(isu_user).post(url, {"status": "approved"}).status_code == 302
    person.refresh_from_db()
    assert (person.status, person.decided_by) == ("approved", isu_user)


def test_badge_exports(meeting, client_for, isu_user, delegate_a, state_a):
    ParticipantFactory(meeting=meeting, state=state_a, name="=HYPERLINK(1)", function="Head")
    ParticipantFactory(meeting=meeting, state=state_a, name="Not Approved", status="pending")
    staff = client_for(isu_user)
    response = staff.get(reverse("meetings:participant-export-csv", args=["13MSP"]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["Delegation"], r["Name"], r["Function"]) for r in rows] == [
        ("France", "'=HYPERLINK(1)", "Head")  # formulas are neutralised
    ]
    response = staff.get(reverse("meetings:participant-export-xlsx", args=["13MSP"]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "Delegation" and sheet["A2"].value == "France"
    forbidden = client_for(delegate_a).get(
        reverse("meetings:participant-export-csv", args=["13MSP"])
    )
    assert forbidden.status_code == 403


def test_delegate_corrects_own_pending_registration_only(
    meeting, client_for, delegate_a, state_a, state_b
):
    own = ParticipantFactory(meeting=meeting, state=state_a, status="pending", name="Old")
    other = ParticipantFactory(meeting=meeting, state=state_b, status="pending", name="Theirs")
    client = client_for(delegate_a)
    data = {"name": "New", "gender": "female", "email": "new@example.org", "function": "Head"}
    url = reverse("meetings:participant-edit", args=["13MSP", own.pk])
    assert client.post(url, data).status_code == 302
    own.refresh_from_db()
    assert (own.name, own.email, own.state) == ("New", "new@example.org", state_a)
    other_url = reverse("meetings:participant-edit", args=["13MSP", other.pk])
    assert client.post(other_url, data).status_code == 404
    other.refresh_from_db()
    assert other.name == "Theirs"
    own.status = "approved"
    own.save()
    assert client.post(url, data | {"name": "Later"}).status_code == 403
    own.refresh_from_db()
    assert own.name == "New"


def test_approval_in_place_with_htmx(meeting, client_for, isu_user, state_a):
    person = ParticipantFactory(meeting=meeting, state=state_a, status="pending", name="Row")
    url = reverse("meetings:participant-decide", args=["13MSP", person.pk])
    response = client_for(isu_user).post(url, {"status": "approved"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith(f'<tr id="participant-{person.pk}">') and "Approved" in body
    bad = client_for(isu_user).post(url, {"status": "pending"}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 400 and "approved or not approved" in bad.content.decode()
    person.refresh_from_db()
    assert person.status == "approved"
