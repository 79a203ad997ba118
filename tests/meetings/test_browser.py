"""A delegate registers a participant for their State in a real browser."""

import re
from datetime import date

import pytest

from meetings.models import Participant
from tests.factories import DelegateFactory, MeetingFactory, StateFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_delegate_registers_a_participant(browser_page, sign_in):
    page = browser_page
    lao = StateFactory(name="Lao People's Democratic Republic", iso3="LAO", region="asia_pacific")
    StateFactory(name="France", iso3="FRA")
    DelegateFactory(username="lao-delegate", state=lao)
    MeetingFactory(
        short_name="13MSP",
        title="Thirteenth Meeting of States Parties",
        start_date=date(2025, 9, 16),
        end_date=date(2025, 9, 19),
    )
    sign_in(page, "lao-delegate")
    page.goto("/meetings/13MSP/participants/")
    page.get_by_role("link", name="Register a participant").first.click()
    state = page.get_by_label("State")
    assert state.locator("option").all_inner_texts() == ["Lao People's Democratic Republic"]
    page.get_by_label(re.compile(r"^Name")).fill("Khamla Souvannavong")
    page.get_by_label("Function").fill("Director, National Regulatory Authority")
    page.get_by_label("Gender").select_option("female")
    page.get_by_label("Email").fill("khamla@example.org")
    page.get_by_label("I agree that my name appears").check()
    page.get_by_role("button", name="Register").click()
    page.wait_for_url("**/meetings/13MSP/participants/")
    assert "awaits the ISU's approval" in page.locator(".messages").inner_text()
    row = page.get_by_role("row", name="Khamla Souvannavong")
    assert "Awaiting approval" in row.inner_text()
    person = Participant.objects.get()
    assert (person.state.iso3, person.gender, person.consent_public) == ("LAO", "female", True)
