import pytest

from tests.factories import MeetingFactory


@pytest.fixture
def meeting(db):
    """The 13MSP as the reference loader describes it (public, Geneva, CCM/MSP series)."""
    from datetime import date

    return MeetingFactory(
        short_name="13MSP",
        number=13,
        title="Thirteenth Meeting of States Parties",
        start_date=date(2025, 9, 16),
        end_date=date(2025, 9, 19),
        venue="Palais des Nations",
        symbol_series="CCM/MSP",
    )


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def _meetings_browser():
    """Headless Debian chromium driven by Playwright (never downloaded)."""
    import os

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def meetings_page(_meetings_browser, live_server):
    """A fresh browser tab on the live server; `page.goto("/meetings/")`."""
    context = _meetings_browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
