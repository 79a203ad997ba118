"""A delegate downloads their invoice and cannot reach another State's."""

import re

import pytest
from playwright.sync_api import expect

from tests.contributions.factories import issue
from tests.factories import DelegateFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_delegate_downloads_own_invoice_and_cannot_reach_another_states(
    browser_page, sign_in, small_world, state_a, state_b, tmp_path
):
    own = issue(state_a)
    other = issue(state_b)
    DelegateFactory(username="delegate-fra", state=state_a)
    page = browser_page

    sign_in(page, "delegate-fra")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Invoices").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Invoices of France")
    table = page.get_by_role("table", name=re.compile("Invoices of France"))
    expect(table.get_by_role("link", name=own.number, exact=True)).to_be_visible()
    expect(page.get_by_text(other.number)).to_have_count(0)

    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"Download invoice {own.number} (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"{own.number}.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")

    for url in (f"/invoices/{other.number}/", f"/invoices/{other.number}.pdf"):
        response = page.goto(url)
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        expect(page.get_by_text("Lao")).to_have_count(0)
