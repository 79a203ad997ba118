import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import TEST_PASSWORD, DelegateFactory

pytestmark = pytest.mark.django_db


def _login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_and_logout(client):
    DelegateFactory(username="ana")
    response = _login(client, "ana", TEST_PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"].username == "ana"
    client.post(reverse("logout"))
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_wrong_password_shows_a_clear_error(client):
    DelegateFactory(username="ana")
    response = _login(client, "ana", "wrong")
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_repeated_failed_logins_lock_the_account(client, settings):
    DelegateFactory(username="ana")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "ana", "wrong")
    # Even the right password is refused while the lock lasts, from any address.
    response = client.post(
        reverse("login"), {"username": "ana", "password": TEST_PASSWORD}, REMOTE_ADDR="10.9.9.9"
    )
    assert response.status_code == 429
    assert "locked" in response.content.decode()
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_lock_expires_after_the_cooloff(client, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt
    from django.utils import timezone

    DelegateFactory(username="ana")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "ana", "wrong")
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )
    assert _login(client, "ana", TEST_PASSWORD).status_code == 302


def test_fewer_failures_than_the_limit_do_not_lock(client, settings):
    DelegateFactory(username="ana")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "ana", "wrong")
    assert _login(client, "ana", TEST_PASSWORD).status_code == 302


def test_password_reset_by_email(client):
    user = DelegateFactory(username="ana", email="ana@example.org")
    response = client.post(reverse("password_reset"), {"email": "ana@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@example.org"]
    link = re.search(r"http://testserver(/accounts/password/reset/\S+)", mail.outbox[0].body).group(
        1
    )
    form_url = client.get(link).url  # Django swaps the token for a session marker
    response = client.post(
        form_url,
        {"new_password1": "a-new-long-passphrase", "new_password2": "a-new-long-passphrase"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-new-long-passphrase")


def test_password_reset_for_unknown_address_sends_nothing(client):
    client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert mail.outbox == []


def test_password_change(client):
    user = DelegateFactory(username="ana")
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "another-long-passphrase",
            "new_password2": "another-long-passphrase",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another-long-passphrase")


def test_password_change_with_wrong_old_password_changes_nothing(client):
    user = DelegateFactory(username="ana")
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "wrong",
            "new_password1": "another-long-passphrase",
            "new_password2": "another-long-passphrase",
        },
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(TEST_PASSWORD)


def test_anonymous_is_sent_to_login_for_password_change(client):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
