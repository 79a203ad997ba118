import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.factories import DelegateFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_delegate_signs_in_opens_states_and_own_state(browser_page, sign_in):
    call_command("load_participants", verbosity=0)
    from parties.models import State

    DelegateFactory(username="delegate-fra", state=State.objects.get(iso3="FRA"))
    page = browser_page

    sign_in(page, "delegate-fra")
    expect(page.get_by_text("State delegate")).to_be_visible()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="States")).to_be_visible()
    expect(nav.get_by_role("link", name="Administration")).to_have_count(0)

    nav.get_by_role("link", name="States").click()
    expect(page.get_by_role("heading", name="States", level=1)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("124 States")

    page.get_by_label("Status").select_option("state_party")
    page.get_by_label("Region").select_option("europe")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("link", name="France", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Lao People's Democratic Republic")).to_have_count(0)

    page.get_by_role("link", name="France", exact=True).click()
    expect(page).to_have_url(re.compile(r"/states/FRA/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("France")
    expect(page.get_by_text("Entry into force (Article 17)")).to_be_visible()
    # A delegate sees their own State's contacts section but cannot edit it.
    expect(page.get_by_role("heading", name="Contacts")).to_be_visible()
    expect(page.get_by_role("link", name="Add a contact")).to_have_count(0)


def test_failed_sign_in_shows_an_error_and_no_navigation(browser_page, sign_in):
    DelegateFactory(username="delegate-x")
    sign_in(browser_page, "delegate-x", "wrong-password")
    expect(browser_page.get_by_role("alert")).to_contain_text("correct username and password")
    expect(browser_page.get_by_role("link", name="States")).to_have_count(0)
