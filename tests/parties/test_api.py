import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from parties.models import Contact, State
from tests.factories import ContactFactory, StateFactory

pytestmark = pytest.mark.django_db


def api_for(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


READ_ACCESS = {
    "anonymous": 403,
    "delegate_a": 200,
    "delegate_b": 200,
    "committee": 200,
    "isu": 200,
    "admin": 200,
}
WRITE_ACCESS = {
    "anonymous": 403,
    "delegate_a": 403,
    "delegate_b": 403,
    "committee": 403,
    "isu": 201,
    "admin": 201,
}


@pytest.mark.parametrize("role", READ_ACCESS)
def test_states_are_read_by_signed_in_users(role, role_users):
    response = api_for(role_users[role]).get(reverse("state-list"))
    assert response.status_code == READ_ACCESS[role]


@pytest.mark.parametrize("role", WRITE_ACCESS)
def test_only_staff_create_states(role, role_users):
    before = State.objects.count()
    response = api_for(role_users[role]).post(
        reverse("state-list"), {"name": "Newland", "iso3": "NWL", "region": "africa"}, format="json"
    )
    assert response.status_code == WRITE_ACCESS[role]
    assert State.objects.count() == before + (1 if response.status_code == 201 else 0)


def test_state_detail_has_derived_dates(isu_user):
    StateFactory(
        name="South Sudan",
        iso3="SSD",
        region="africa",
        signature_date=None,
        consent_date="2023-08-03",
        consent_type="accession",
    )
    data = api_for(isu_user).get(reverse("state-detail", args=["ssd"])).json()
    assert data["entry_into_force"] == "2024-02-01"
    assert data["initial_report_due"] == "2024-07-30"
    assert data["status"] == "state_party"


def test_state_filters(isu_user, participants):
    data = (
        api_for(isu_user)
        .get(reverse("state-list"), {"status": "signatory", "region": "asia_pacific"})
        .json()
    )
    assert [row["iso3"] for row in data] == ["IDN"]


def test_bad_state_update_is_refused_and_changes_nothing(isu_user, state_a, state_b):
    response = api_for(isu_user).patch(
        reverse("state-detail", args=["FRA"]), {"iso3": "LAO"}, format="json"
    )
    assert response.status_code == 400
    assert "already exists" in str(response.json())
    state_a.refresh_from_db()
    assert state_a.iso3 == "FRA"


def test_withdrawal_before_consent_is_refused(isu_user, state_a):
    response = api_for(isu_user).patch(
        reverse("state-detail", args=["FRA"]),
        {"withdrawal_effective_date": "2000-01-01"},
        format="json",
    )
    assert response.status_code == 400
    state_a.refresh_from_db()
    assert state_a.withdrawal_effective_date is None


def test_delegate_lists_only_own_contacts_and_gets_404_for_others(delegate_a, state_a, state_b):
    own = ContactFactory(state=state_a)
    other = ContactFactory(state=state_b)
    client = api_for(delegate_a)
    assert [row["id"] for row in client.get(reverse("contact-list")).json()] == [own.pk]
    assert client.get(reverse("contact-detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("contact-detail", args=[own.pk])).status_code == 200


@pytest.mark.parametrize("role", ["delegate_a", "committee", "anonymous"])
def test_non_staff_cannot_write_contacts(role, role_users, state_a):
    contact = ContactFactory(state=state_a, name="Original")
    client = api_for(role_users[role])
    assert (
        client.post(
            reverse("contact-list"),
            {"state": "FRA", "kind": "mission", "name": "X", "email": "x@example.org"},
            format="json",
        ).status_code
        == 403
    )
    assert (
        client.patch(
            reverse("contact-detail", args=[contact.pk]), {"name": "Changed"}, format="json"
        ).status_code
        == 403
    )
    assert client.delete(reverse("contact-detail", args=[contact.pk])).status_code == 403
    assert list(Contact.objects.values_list("name", flat=True)) == ["Original"]


def test_staff_writes_contacts(isu_user, state_a):
    client = api_for(isu_user)
    created = client.post(
        reverse("contact-list"),
        {"state": "FRA", "kind": "focal_point", "name": "Ana", "email": "ana@example.org"},
        format="json",
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    assert (
        client.patch(
            reverse("contact-detail", args=[pk]), {"email": "bad"}, format="json"
        ).status_code
        == 400
    )
    assert Contact.objects.get(pk=pk).email == "ana@example.org"
    assert client.delete(reverse("contact-detail", args=[pk])).status_code == 204
    assert not Contact.objects.exists()


@pytest.mark.parametrize("size", [5, 60])
def test_api_lists_query_count_is_constant(size, isu_user, django_assert_num_queries):
    for _ in range(size):
        ContactFactory()
    client = api_for(isu_user)
    with django_assert_num_queries(2):  # groups of the user, then the States
        assert client.get(reverse("state-list")).status_code == 200
    with django_assert_num_queries(1):  # contacts with their States (groups already cached)
        assert client.get(reverse("contact-list")).status_code == 200


def test_schema_is_valid_and_lists_the_routes(client):
    response = client.get(reverse("api-schema"), {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/states/" in paths
    assert "/api/states/{iso3}/" in paths
    assert "/api/contacts/{id}/" in paths


def test_token_authentication(isu_user):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=isu_user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get(reverse("state-list")).status_code == 200
