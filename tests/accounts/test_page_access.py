"""The access rule of the portal-wide pages, for each role (the apps' pages have their own)."""

import pytest

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "delegate_a", "delegate_b", "committee", "isu", "admin"]
ALL_200 = dict.fromkeys(ROLES, 200)
SIGNED_IN = {"anonymous": 302} | dict.fromkeys(ROLES[1:], 200)

EXPECTED = {
    "/": ALL_200,
    "/healthz/": ALL_200,
    "/accounts/login/": {"anonymous": 200} | dict.fromkeys(ROLES[1:], 302),  # signed in: go home
    "/accounts/password/reset/": ALL_200,
    "/accounts/password/change/": SIGNED_IN,
    "/api/schema/": ALL_200,
    "/api/docs/": ALL_200,
    "/admin/": {
        "anonymous": 302,
        "delegate_a": 302,
        "delegate_b": 302,
        "committee": 302,
        "isu": 200,
        "admin": 200,
    },
}


@pytest.mark.parametrize("path", EXPECTED)
@pytest.mark.parametrize("role", ROLES)
def test_portal_pages(path, role, role_users, client_for):
    assert client_for(role_users[role]).get(path).status_code == EXPECTED[path][role]


def test_api_docs_load_nothing_from_a_cdn(client):
    html = client.get("/api/docs/").content.decode()
    assert "cdn." not in html and "unpkg" not in html and "jsdelivr" not in html
    assert "/static/drf_spectacular_sidecar/" in html


def test_base_layout_is_accessible_without_javascript(client):
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert '<nav class="main-nav" aria-label="Main">' in html
    assert "https://" not in html.split("<body")[0]  # no external asset in the head
