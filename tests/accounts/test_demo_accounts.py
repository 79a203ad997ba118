from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts import access
from accounts.models import User
from accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_the_four_accounts_and_is_idempotent(settings):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    call_command("seed_demo", stdout=StringIO())
    text = out.getvalue()
    for username in ("isu", "committee", "delegate-fra", "delegate-lao"):
        assert username in text
    assert settings.DEMO_PASSWORD in text
    users = {user.username: user for user in User.objects.all()}
    assert set(users) == {"isu", "committee", "delegate-fra", "delegate-lao"}
    assert access.role_of(users["isu"]) == Role.ISU_STAFF
    assert access.role_of(users["committee"]) == Role.COMMITTEE
    assert users["delegate-fra"].state.iso3 == "FRA"
    assert users["delegate-lao"].state.name == "Lao People's Democratic Republic"
    assert all(user.check_password(settings.DEMO_PASSWORD) for user in users.values())


def test_demo_password_comes_from_settings(settings):
    settings.DEMO_PASSWORD = "another-demo-pass"
    call_command("seed_demo", stdout=StringIO())
    assert User.objects.get(username="isu").check_password("another-demo-pass")


def test_demo_accounts_refused_outside_dev(settings):
    settings.DEMO_ACCOUNTS = False
    with pytest.raises(CommandError, match="only with the dev settings"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()
