import pytest

from parties.models import Contact
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def test_admin_adds_a_contact_through_the_service(client_for, isu_user, state_a):
    response = client_for(isu_user).post(
        "/admin/parties/contact/add/",
        {
            "state": state_a.pk,
            "kind": "mission",
            "name": "  Jeanne  ",
            "email": "j@example.org",
            "receives_invoices": "on",
        },
    )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.name == "Jeanne"  # cleaned by the service
    assert contact.history.get().history_user == isu_user


def test_admin_refuses_a_duplicate_address_with_a_message(client_for, isu_user, state_a):
    ContactFactory(state=state_a, email="taken@example.org")
    response = client_for(isu_user).post(
        "/admin/parties/contact/add/",
        {"state": state_a.pk, "kind": "mission", "name": "Other", "email": "TAKEN@example.org"},
    )
    assert response.status_code == 200
    assert "already has a contact with the address" in response.content.decode()
    assert Contact.objects.count() == 1


def test_admin_refuses_an_impossible_withdrawal(client_for, isu_user, state_a):
    response = client_for(isu_user).post(
        f"/admin/parties/state/{state_a.pk}/change/",
        {
            "name": "France",
            "iso3": "FRA",
            "region": "europe",
            "signature_date": "2008-12-03",
            "consent_date": "2010-03-01",
            "consent_type": "ratification",
            "withdrawal_effective_date": "2009-01-01",
            "source_notes": "",
            "contacts-TOTAL_FORMS": "0",
            "contacts-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "a withdrawal must take effect after consent" in response.content.decode()
    state_a.refresh_from_db()
    assert state_a.withdrawal_effective_date is None
