"""Fixtures shared by the whole suite: one user per role, and the loaded registry."""

import os

import pytest
from django.core.management import call_command

from tests.factories import (
    AdminFactory,
    CommitteeMemberFactory,
    DelegateFactory,
    ISUStaffFactory,
    StateFactory,
)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    # Generated files go to a folder of the test's own, so tests never see each other's files.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"


@pytest.fixture(autouse=True)
def _no_pages_kept_between_tests():
    # A test's database is rolled back without any write being recorded: pages kept by the
    # page cache during one test must not be served in the next.
    from django.core.cache import cache

    from isu_portal.page_cache.middleware import STORE

    STORE.clear()
    cache.clear()
    yield
    STORE.clear()


@pytest.fixture
def participants(db):
    """The real registry of the Convention (124 States), as `make run` loads it."""
    call_command("load_participants", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def state_a(db):
    return StateFactory(name="France", iso3="FRA")


@pytest.fixture
def state_b(db):
    return StateFactory(name="Lao People's Democratic Republic", iso3="LAO", region="asia_pacific")


@pytest.fixture
def isu_user(db):
    return ISUStaffFactory(username="isu-staff")


@pytest.fixture
def committee_user(db):
    return CommitteeMemberFactory(username="committee-member")


@pytest.fixture
def delegate_a(state_a):
    return DelegateFactory(username="delegate-a", state=state_a)


@pytest.fixture
def delegate_b(state_b):
    return DelegateFactory(username="delegate-b", state=state_b)


@pytest.fixture
def superuser(db):
    return AdminFactory(username="administrator")


@pytest.fixture
def role_users(isu_user, committee_user, delegate_a, delegate_b, superuser):
    """The six kinds of visitor every access test tries."""
    return {
        "anonymous": None,
        "delegate_a": delegate_a,
        "delegate_b": delegate_b,
        "committee": committee_user,
        "isu": isu_user,
        "admin": superuser,
    }


@pytest.fixture
def client_for(client):
    """A fresh test client signed in as the given user (or anonymous for None)."""
    from django.test import Client

    def make(user):
        new_client = Client()
        if user is not None:
            new_client.force_login(user)
        return new_client

    return make


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def _browser():
    """One headless Debian chromium for the session, driven by Playwright (never downloaded)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    # Playwright runs an event loop in this thread; Django's ORM calls in the test body are safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(_browser, live_server):
    """A fresh browser tab; `page.goto(live_server.url + path)`."""
    context = _browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def sign_in():
    """Signs a browser page in through the real login form."""
    from tests.factories import TEST_PASSWORD

    def do(page, username, password=TEST_PASSWORD):
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()

    return do
