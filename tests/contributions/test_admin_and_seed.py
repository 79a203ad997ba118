"""Issued documents are read-only in the admin; the dev seed gives every State Party a demo
contact; the API schema of contributions is clean."""

from io import StringIO

import pytest
from django.core.management import call_command

from contributions.models import Invoice
from parties.models import Contact
from tests.contributions.factories import issue

pytestmark = pytest.mark.django_db


def test_admin_cannot_change_or_delete_an_issued_invoice(
    small_world, state_a, superuser, client_for
):
    invoice = issue(state_a)
    client = client_for(superuser)
    change_url = f"/admin/contributions/invoice/{invoice.pk}/change/"
    page = client.get(change_url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    response = client.post(change_url, {"amount": "1", "number": "HACKED"})
    assert response.status_code == 403
    assert (
        client.post(
            f"/admin/contributions/invoice/{invoice.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    invoice.refresh_from_db()
    assert invoice.amount == 1000 and invoice.number == "ISU-2025-0001"
    assert client.get("/admin/contributions/invoice/add/").status_code == 403
    assert Invoice.objects.count() == 1


def test_admin_reminder_level_refuses_a_broken_template(superuser, client_for):
    client = client_for(superuser)
    response = client.post(
        "/admin/contributions/reminderlevel/add/",
        {"name": "Late", "offset_days": "200", "subject": "{% if %}", "body": "b", "active": "on"},
    )
    assert response.status_code == 200 and "not a valid template" in response.content.decode()
    response = client.post(
        "/admin/contributions/reminderlevel/add/",
        {
            "name": "Late",
            "offset_days": "200",
            "subject": "Late {{ invoice.number }}",
            "body": "b",
            "active": "on",
        },
    )
    assert response.status_code == 302


def test_seed_demo_contacts_is_idempotent(participants):
    out = StringIO()
    call_command("seed_demo_contacts", stdout=out)
    assert "112 created" in out.getvalue()
    call_command("seed_demo_contacts", stdout=out)
    assert "0 created" in out.getvalue()
    contact = Contact.objects.get(state__iso3="FRA", email="contributions.fra@example.org")
    assert contact.receives_invoices


def test_api_schema_has_no_warnings():
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")
