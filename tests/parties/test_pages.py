import pytest
from django.urls import reverse

from parties.models import Contact
from tests.factories import ContactFactory, StateFactory

pytestmark = pytest.mark.django_db

# Expected status of each page for each role: the access rule of every URL so far.
PAGE_ACCESS = {
    "state-list": {
        "anonymous": 302,
        "delegate_a": 200,
        "delegate_b": 200,
        "committee": 200,
        "isu": 200,
        "admin": 200,
    },
    "state-detail": {
        "anonymous": 302,
        "delegate_a": 200,
        "delegate_b": 200,
        "committee": 200,
        "isu": 200,
        "admin": 200,
    },
    "contact-create": {
        "anonymous": 302,
        "delegate_a": 403,
        "delegate_b": 403,
        "committee": 403,
        "isu": 200,
        "admin": 200,
    },
    "contact-edit": {
        "anonymous": 302,
        "delegate_a": 403,
        "delegate_b": 403,
        "committee": 403,
        "isu": 200,
        "admin": 200,
    },
}


def _url(name, state, contact):
    if name == "state-list":
        return reverse("parties:state-list")
    if name in ("state-detail", "contact-create"):
        return reverse(f"parties:{name}", args=[state.iso3])
    return reverse(f"parties:{name}", args=[state.iso3, contact.pk])


@pytest.mark.parametrize("page", PAGE_ACCESS)
@pytest.mark.parametrize(
    "role", ["anonymous", "delegate_a", "delegate_b", "committee", "isu", "admin"]
)
def test_page_access_by_role(page, role, role_users, client_for, state_a):
    contact = ContactFactory(state=state_a)
    response = client_for(role_users[role]).get(_url(page, state_a, contact))
    assert response.status_code == PAGE_ACCESS[page][role]
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))


def test_contacts_are_shown_only_to_staff_and_the_states_own_delegates(
    role_users, client_for, state_a
):
    ContactFactory(state=state_a, email="mission@france.example.org")
    url = reverse("parties:state-detail", args=["FRA"])
    assert b"mission@france.example.org" in client_for(role_users["isu"]).get(url).content
    assert b"mission@france.example.org" in client_for(role_users["delegate_a"]).get(url).content
    assert (
        b"mission@france.example.org" not in client_for(role_users["delegate_b"]).get(url).content
    )
    assert b"mission@france.example.org" not in client_for(role_users["committee"]).get(url).content


def test_unknown_state_is_404(client_for, isu_user):
    assert (
        client_for(isu_user).get(reverse("parties:state-detail", args=["XXX"])).status_code == 404
    )


def test_filters(participants, client_for, isu_user):
    client = client_for(isu_user)
    response = client.get(
        reverse("parties:state-list"), {"status": "signatory", "region": "africa"}
    )
    names = [state.name for state, _ in response.context["rows"]]
    assert names == [
        "Angola",
        "Central African Republic",
        "Democratic Republic of the Congo",
        "Djibouti",
        "Kenya",
        "Liberia",
        "Uganda",
        "United Republic of Tanzania",
    ]
    response = client.get(reverse("parties:state-list"), {"q": "guinea"})
    assert [state.name for state, _ in response.context["rows"]] == ["Guinea", "Guinea-Bissau"]


def test_invalid_filter_is_ignored_with_the_form_showing_the_error(
    client_for, isu_user, participants
):
    response = client_for(isu_user).get(reverse("parties:state-list"), {"region": "atlantis"})
    assert response.status_code == 200
    assert response.context["form"].errors["region"]


def test_staff_adds_edits_and_removes_a_contact(client_for, isu_user, state_a):
    client = client_for(isu_user)
    response = client.post(
        reverse("parties:contact-create", args=["FRA"]),
        {
            "kind": "mission",
            "name": "Jeanne Martin",
            "email": "jeanne@example.org",
            "receives_invoices": "on",
        },
    )
    assert response.status_code == 302
    contact = Contact.objects.get(state=state_a)
    assert (contact.name, contact.receives_invoices, contact.receives_documents) == (
        "Jeanne Martin",
        True,
        False,
    )

    client.post(
        reverse("parties:contact-edit", args=["FRA", contact.pk]),
        {"kind": "finance", "name": "Jeanne Martin", "email": "finance@example.org"},
    )
    contact.refresh_from_db()
    assert (contact.kind, contact.email) == ("finance", "finance@example.org")
    assert contact.history.count() == 2
    assert contact.history.first().history_user == isu_user

    client.post(reverse("parties:contact-delete", args=["FRA", contact.pk]))
    assert not Contact.objects.exists()


def test_bad_contact_is_refused_with_a_message_and_nothing_saved(client_for, isu_user, state_a):
    ContactFactory(state=state_a, email="taken@example.org")
    response = client_for(isu_user).post(
        reverse("parties:contact-create", args=["FRA"]),
        {"kind": "mission", "name": "Someone", "email": "taken@example.org"},
    )
    assert response.status_code == 400
    assert "already has a contact with the address taken@example.org" in response.content.decode()
    assert Contact.objects.count() == 1

    response = client_for(isu_user).post(
        reverse("parties:contact-create", args=["FRA"]),
        {"kind": "mission", "name": "", "email": "nope"},
    )
    assert response.status_code == 400
    assert Contact.objects.count() == 1


@pytest.mark.parametrize("role", ["delegate_a", "delegate_b", "committee"])
def test_non_staff_cannot_change_contacts(role, role_users, client_for, state_a):
    contact = ContactFactory(state=state_a, name="Original", email="orig@example.org")
    client = client_for(role_users[role])
    assert (
        client.post(
            reverse("parties:contact-create", args=["FRA"]),
            {"kind": "mission", "name": "X", "email": "x@example.org"},
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("parties:contact-edit", args=["FRA", contact.pk]),
            {"kind": "mission", "name": "Changed", "email": "c@example.org"},
        ).status_code
        == 403
    )
    assert (
        client.post(reverse("parties:contact-delete", args=["FRA", contact.pk])).status_code == 403
    )
    assert list(Contact.objects.values_list("name", "email")) == [("Original", "orig@example.org")]


def test_contact_of_another_state_is_404_through_the_wrong_state_url(
    client_for, isu_user, state_a, state_b
):
    contact = ContactFactory(state=state_b)
    assert (
        client_for(isu_user)
        .get(reverse("parties:contact-edit", args=["FRA", contact.pk]))
        .status_code
        == 404
    )


def _grow(extra_states):
    for _ in range(extra_states):
        state = StateFactory()
        ContactFactory(state=state)
        ContactFactory(state=state)


@pytest.mark.parametrize("size", [5, 50])
def test_state_list_query_count_is_constant(size, client_for, isu_user, django_assert_num_queries):
    _grow(size)
    client = client_for(isu_user)
    # session, user, groups, the States with their contact counts
    with django_assert_num_queries(4):
        assert client.get(reverse("parties:state-list")).status_code == 200


@pytest.mark.parametrize("contacts", [2, 40])
def test_state_detail_query_count_is_constant(
    contacts, client_for, isu_user, state_a, django_assert_num_queries
):
    for _ in range(contacts):
        ContactFactory(state=state_a)
    client = client_for(isu_user)
    # session, user, groups, the State, its contacts
    with django_assert_num_queries(5):
        assert client.get(reverse("parties:state-detail", args=["FRA"])).status_code == 200
