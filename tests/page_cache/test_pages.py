"""The page cache serves a kept page again only to the credential it was rendered for, and only
while nothing it was read from has changed: each test changes one thing and proves the next
request sees it (the forbidden side effect, a stale or foreign page, does not happen)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.utils.html import escape
from rest_framework.authtoken.models import Token

from contributions import services as contributions
from isu_portal.page_cache import clock as clock_module
from isu_portal.page_cache import store as store_module
from isu_portal.page_cache.middleware import STORE
from tests.page_cache.conftest import PLAN_URL
from workplan import services as workplan_services
from workplan.models import Paragraph

pytestmark = pytest.mark.usefixtures("page_cache_on")


def _first_paragraph(plan):
    return Paragraph.objects.filter(section__plan=plan).order_by("section__position", "pk")[0]


def test_a_kept_page_is_served_again_without_any_query(
    plan_2025, isu_user, client_for, django_assert_num_queries
):
    client = client_for(isu_user)
    first = client.get(PLAN_URL)
    assert first["X-Page-Cache"] == "miss"
    # The first answer set the CSRF cookie: the same body was kept under it as well.
    with django_assert_num_queries(0):
        again = client.get(PLAN_URL)
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in again["Content-Security-Policy"]
    assert "csrftoken" not in again.cookies


def test_a_caller_without_the_csrf_cookie_gets_the_secret_its_page_was_made_with(
    plan_2025, isu_user, client_for
):
    client = client_for(isu_user)
    first = client.get(PLAN_URL)
    secret = first.cookies["csrftoken"].value
    del client.cookies["csrftoken"]
    again = client.get(PLAN_URL)
    assert again["X-Page-Cache"] == "hit"
    assert again.cookies["csrftoken"].value == secret
    # ...and a form of the kept page still posts: its token belongs to that secret.
    paragraph = _first_paragraph(plan_2025)
    response = client.post(
        f"/workplans/2025/paragraph/{paragraph.pk}/edit/",
        {"text": "Posted from a kept page.", "version": paragraph.version},
    )
    assert response.status_code == 302
    paragraph.refresh_from_db()
    assert paragraph.text == "Posted from a kept page."


def test_an_edit_through_the_service_is_seen_on_the_next_request(plan_2025, isu_user, warm):
    client = warm(isu_user, PLAN_URL)
    paragraph = _first_paragraph(plan_2025)
    workplan_services.part_update(
        part=paragraph, text="A sentence nobody wrote before.", version=paragraph.version
    )
    response = client.get(PLAN_URL)
    assert response["X-Page-Cache"] == "miss"
    assert b"A sentence nobody wrote before." in response.content


@pytest.mark.parametrize("how", ["queryset update", "raw sql"])
def test_writes_that_bypass_models_are_seen_too(plan_2025, isu_user, warm, how):
    client = warm(isu_user, PLAN_URL)
    paragraph = _first_paragraph(plan_2025)
    if how == "queryset update":
        Paragraph.objects.filter(pk=paragraph.pk).update(text="Changed by update().")
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE workplan_paragraph SET text = %s WHERE id = %s",
                ["Changed by update().", paragraph.pk],
            )
    response = client.get(PLAN_URL)
    assert response["X-Page-Cache"] == "miss"
    assert b"Changed by update()." in response.content


def test_the_editor_sees_the_saved_message_once_then_the_page(plan_2025, isu_user, warm):
    client = warm(isu_user, PLAN_URL)
    paragraph = _first_paragraph(plan_2025)
    response = client.post(
        f"/workplans/2025/paragraph/{paragraph.pk}/edit/",
        {"text": "Edited in the browser.", "version": paragraph.version},
        follow=True,
    )
    assert b"The paragraph was saved." in response.content
    assert b"Edited in the browser." in response.content
    later = client.get(PLAN_URL)
    assert b"Edited in the browser." in later.content
    assert b"The paragraph was saved." not in later.content


def test_after_logout_the_old_session_cookie_gets_nothing_kept(plan_2025, isu_user, warm):
    client = warm(isu_user, PLAN_URL)
    stolen = Client()
    stolen.cookies = client.cookies
    assert stolen.get(PLAN_URL)["X-Page-Cache"] == "hit"
    client.post("/accounts/logout/")
    replayed = Client()
    replayed.cookies["sessionid"] = stolen.cookies["sessionid"].value
    response = replayed.get(PLAN_URL)
    assert response.get("X-Page-Cache") != "hit"
    assert response.status_code == 404  # a draft plan does not exist for an anonymous visitor
    assert b"Mandate" not in response.content


def test_a_deactivated_account_gets_nothing_kept(plan_2025, isu_user, warm):
    client = warm(isu_user, PLAN_URL)
    type(isu_user).objects.filter(pk=isu_user.pk).update(is_active=False)
    response = client.get(PLAN_URL)
    assert response.get("X-Page-Cache") != "hit"
    assert response.status_code == 404


def test_a_role_taken_away_takes_the_kept_page_with_it(plan_2025, isu_user, warm):
    client = warm(isu_user, PLAN_URL)
    isu_user.groups.clear()
    response = client.get(PLAN_URL)
    assert response.get("X-Page-Cache") != "hit"
    assert response.status_code == 404


@pytest.fixture
def invoices(state_a, state_b):
    for state, amount in ((state_a, "1234.00"), (state_b, "5678.00")):
        contributions.invoice_issue(
            year=2025,
            state=state,
            amount=Decimal(amount),
            method="un_scale",
            budget=Decimal("497138"),
            issue_date=date(2025, 2, 1),
        )


def test_one_delegate_never_receives_another_delegates_kept_page(
    invoices, delegate_a, delegate_b, warm, client_for, state_a, state_b
):
    warm(delegate_a, "/invoices/")
    response = client_for(delegate_b).get("/invoices/")
    assert response["X-Page-Cache"] == "miss"
    assert b"5'678" in response.content
    assert b"1'234" not in response.content
    assert escape(state_b.name).encode() in response.content


def test_a_payment_recorded_changes_the_delegates_kept_invoice_list(
    invoices, delegate_a, warm, state_a
):
    from contributions.models import Invoice

    client = warm(delegate_a, "/invoices/")
    Invoice.objects.filter(state=state_a).update(amount=Decimal("999.00"))
    response = client.get("/invoices/")
    assert response["X-Page-Cache"] == "miss"


def test_an_api_token_deleted_is_refused_at_once(plan_2025, isu_user):
    token = Token.objects.create(user=isu_user)
    client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get("/api/workplans/2025/")["X-Page-Cache"] == "miss"
    kept = client.get("/api/workplans/2025/")
    assert kept["X-Page-Cache"] == "hit"
    assert kept.json()["year"] == 2025
    token.delete()
    refused = client.get("/api/workplans/2025/")
    assert refused.status_code in (401, 403)
    assert refused.get("X-Page-Cache") != "hit"


def test_another_accept_header_is_another_page(plan_2025, isu_user):
    token = Token.objects.create(user=isu_user)
    client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    client.get("/api/workplans/2025/", HTTP_ACCEPT="application/json")
    html = client.get("/api/workplans/2025/", HTTP_ACCEPT="text/html")
    assert html["X-Page-Cache"] == "miss"
    assert html["Content-Type"].startswith("text/html")


def test_a_kept_page_ends_with_its_session(plan_2025, isu_user, warm, monkeypatch):
    client = warm(isu_user, PLAN_URL)
    session_end = client.session.get_expiry_date().timestamp()
    monkeypatch.setattr(store_module.time, "time", lambda: session_end + 1)
    assert client.get(PLAN_URL).get("X-Page-Cache") != "hit"


def test_a_kept_page_ends_after_page_cache_seconds(
    plan_2025, isu_user, warm, monkeypatch, settings
):
    client = warm(isu_user, PLAN_URL)
    started = store_module.time.time()
    monkeypatch.setattr(
        store_module.time, "time", lambda: started + settings.PAGE_CACHE_SECONDS + 1
    )
    assert client.get(PLAN_URL).get("X-Page-Cache") != "hit"


def test_the_next_day_renders_afresh(invoices, delegate_a, warm, monkeypatch):
    from django.utils import timezone

    client = warm(delegate_a, "/invoices/")
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert client.get("/invoices/")["X-Page-Cache"] == "miss"


def test_an_emptied_clock_makes_every_kept_page_stale(plan_2025, isu_user, warm):
    client = warm(isu_user, PLAN_URL)
    clock_module.clock().forget()
    assert client.get(PLAN_URL)["X-Page-Cache"] == "miss"


def test_clear_page_cache_command_makes_every_kept_page_stale(plan_2025, isu_user, warm):
    from django.core.management import call_command

    client = warm(isu_user, PLAN_URL)
    call_command("clear_page_cache", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert client.get(PLAN_URL)["X-Page-Cache"] == "miss"


def test_an_unreachable_clock_means_rendering_not_failing(plan_2025, isu_user, warm, monkeypatch):
    client = warm(isu_user, PLAN_URL)

    def down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(clock_module.CacheClock, "generation", down)
    monkeypatch.setattr(clock_module.CacheClock, "read", down)
    monkeypatch.setattr(clock_module.CacheClock, "start", down)
    response = client.get(PLAN_URL)
    assert response.status_code == 200
    assert response.get("X-Page-Cache") is None
    assert len(STORE) == 0


def test_an_unreachable_clock_never_fails_a_write(plan_2025, monkeypatch, caplog):
    def down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(clock_module.CacheClock, "mark", down)
    paragraph = _first_paragraph(plan_2025)
    Paragraph.objects.filter(pk=paragraph.pk).update(text="Written while Redis is down.")
    paragraph.refresh_from_db()
    assert paragraph.text == "Written while Redis is down."
    assert "could not record a write" in caplog.text


def test_htmx_and_non_get_requests_are_not_kept(plan_2025, isu_user, client_for):
    client = client_for(isu_user)
    fragment = client.get(PLAN_URL + "?fragment=1", HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200
    assert fragment.get("X-Page-Cache") is None
    assert client.head(PLAN_URL).get("X-Page-Cache") is None
    assert len(STORE) == 0


def test_pending_flash_messages_bypass_the_cache(plan_2025, isu_user, warm):
    client = warm(isu_user, PLAN_URL)
    client.cookies["messages"] = "anything"
    assert client.get(PLAN_URL).get("X-Page-Cache") is None


def test_never_cache_responses_are_never_kept(db, client):
    for _ in range(2):
        response = client.get("/healthz/")
        assert response.status_code == 200
        assert response.get("X-Page-Cache") is None


def test_anonymous_visitors_never_share_a_csrf_secret(db):
    first, second = Client(), Client()
    one = first.get("/accounts/login/")
    two = second.get("/accounts/login/")
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value
    assert two.get("X-Page-Cache") != "hit"


def test_an_anonymous_public_page_is_kept_without_cookies(plan_2025, client):
    first = client.get("/api/budget-envelopes/")
    assert first.status_code == 200
    assert not first.cookies
    again = client.get("/api/budget-envelopes/")
    assert again["X-Page-Cache"] == "hit"
    assert not again.cookies


def test_switched_off_nothing_is_kept(plan_2025, isu_user, client_for, settings):
    settings.PAGE_CACHE_ENABLED = False
    client = client_for(isu_user)
    client.get(PLAN_URL)
    assert client.get(PLAN_URL).get("X-Page-Cache") is None
    assert len(STORE) == 0


def test_a_page_made_for_a_user_the_key_cannot_see_is_not_kept(plan_2025, isu_user):
    from rest_framework.test import APIClient

    # force_authenticate signs in without any cookie or header: such a page must not be kept
    # under the key every anonymous caller shares.
    client = APIClient()
    client.force_authenticate(isu_user)
    for _ in range(2):
        response = client.get("/api/workplans/2025/")
        assert response.status_code == 200
        assert response.get("X-Page-Cache") is None
    assert Client().get("/api/workplans/2025/").status_code in (401, 403, 404)
