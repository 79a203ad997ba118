"""Every URL of the portal, for each of the six kinds of visitor, against the expected-access
table (tests/quality/access_table.py). A URL without an entry fails here."""

import pytest
from django.apps import apps
from django.test import Client
from django.urls import get_resolver, reverse

from tests.quality.access_table import (
    DENIED,
    FOUND,
    LOGIN,
    NOT_FOUND,
    ROLES,
    TABLE,
    UNAUTHORISED,
)
from tests.quality.inline import INLINE
from tests.quality.urls import all_routes

pytestmark = pytest.mark.django_db

ROUTES = {route.name: route for route in all_routes()}
WRITING_METHODS = ("post", "put", "patch", "delete")
REFUSED = {DENIED, NOT_FOUND, UNAUTHORISED, LOGIN}


def client_as(world, role) -> Client:
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


def url_of(name, world) -> str:
    entry = TABLE[name]
    return reverse(name, kwargs=entry.kwargs(world) if entry.kwargs else None)


def outcome(response):
    """The status, with redirects to the sign-in page told apart from other redirects."""
    if response.status_code == 302:
        return LOGIN if response["Location"].startswith("/accounts/login/") else FOUND
    return response.status_code


def row_counts() -> dict[str, int]:
    """Rows of every table of the portal (history tables included: a refused write must not
    even leave a historical record)."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_every_url_has_an_entry():
    missing = sorted(set(ROUTES) - set(TABLE))
    assert not missing, (
        "These URL names have no entry in tests/quality/access_table.py; add one each "
        "(the status of GET for the six roles, kwargs, and the writes that are refused): "
        + ", ".join(missing)
    )


def test_every_entry_is_a_url():
    stale = sorted(set(TABLE) - set(ROUTES))
    assert not stale, "Entries of the access table without a URL: " + ", ".join(stale)


def _api_writing_methods():
    """{url name: writing methods its DRF view accepts}, read from the views themselves."""
    found = {}

    def walk(patterns, namespace=""):
        for entry in patterns:
            if hasattr(entry, "url_patterns"):
                if not str(entry.pattern).startswith("admin/"):
                    inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                    walk(entry.url_patterns, inner)
                continue
            view_class = getattr(entry.callback, "cls", None)
            if view_class is None or entry.name is None:
                continue
            actions = getattr(entry.callback, "actions", None)
            methods = actions or {
                m: m for m in view_class.http_method_names if hasattr(view_class, m)
            }
            writing = {m for m in methods if m in WRITING_METHODS}
            if writing:
                found.setdefault(f"{namespace}{entry.name}", set()).update(writing)

    walk(get_resolver().url_patterns)
    found.pop("api-token", None)  # signing in with a password: everyone may try
    return found


def test_every_writing_api_method_is_in_the_table():
    missing = [
        f"{name} {method.upper()}"
        for name, methods in sorted(_api_writing_methods().items())
        for method in sorted(methods)
        if name in TABLE and method not in TABLE[name].writes
    ]
    assert not missing, "Writing API methods without a refused-roles entry: " + ", ".join(missing)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(TABLE))
def test_get(name, role, world):
    if name not in ROUTES:
        pytest.skip("no such URL (reported by test_every_entry_is_a_url)")
    response = client_as(world, role).get(url_of(name, world))
    expected = TABLE[name].get[role]
    assert outcome(response) == expected, (
        f"GET {name} as {role}: expected {expected}, got {outcome(response)}"
    )
    if response.status_code == 200 and name not in OWN_POLICY:
        assert_policy_respected(response, name)


# Pages whose policy is not the portal's: the vendored API docs (inline styles allowed there,
# see isu_portal/security.py) and Django's admin.
OWN_POLICY = {"api-docs", "api-redoc", "admin:index"}


def assert_policy_respected(response, name):
    """A rendered page holds nothing the Content Security Policy would block."""
    if not response["Content-Type"].startswith("text/html"):
        return
    html = response.content.decode()
    blocked = [label for pattern, label in INLINE if pattern.search(html)]
    assert not blocked, f"{name} renders {', '.join(blocked)}: the CSP blocks it"


WRITES = sorted(
    (name, method, role)
    for name, entry in TABLE.items()
    for method, refused in entry.writes.items()
    for role in refused
)


@pytest.mark.parametrize(("name", "method", "role"), WRITES)
def test_refused_write_changes_nothing(name, method, role, world):
    if name not in ROUTES:
        pytest.skip("no such URL (reported by test_every_entry_is_a_url)")
    client = client_as(world, role)
    before = row_counts()
    url = url_of(name, world)
    if ROUTES[name].pattern.startswith("api/"):
        response = getattr(client, method)(url, data={}, content_type="application/json")
    else:  # pages take forms
        response = getattr(client, method)(url, data={})
    assert outcome(response) in REFUSED, (
        f"{method.upper()} {name} as {role}: expected a refusal, got {outcome(response)}"
    )
    assert row_counts() == before, f"{method.upper()} {name} as {role} changed the database"
