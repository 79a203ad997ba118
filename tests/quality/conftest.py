"""One data set per test module: the world is built once inside a transaction that is rolled
back at the end of the module; each test runs in a savepoint inside it."""

import pytest
from django.db import transaction
from django.test import override_settings

from tests.factories import (
    AdminFactory,
    CommitteeMemberFactory,
    DelegateFactory,
    ISUStaffFactory,
    StateFactory,
)
from tests.quality.world import build_world, plan_parts


@pytest.fixture(scope="module")
def world_media(tmp_path_factory):
    return tmp_path_factory.mktemp("world-media")


@pytest.fixture(autouse=True)
def _world_media_root(settings, world_media):
    # The world's uploaded files live in a folder of the module (the suite's autouse fixture
    # gives each test a fresh one, where the world's files would be missing).
    settings.MEDIA_ROOT = world_media


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, world_media):
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=world_media),
        transaction.atomic(),
    ):
        state_a = StateFactory(name="France", iso3="FRA")
        state_b = StateFactory(
            name="Lao People's Democratic Republic", iso3="LAO", region="asia_pacific"
        )
        built = build_world(state_a=state_a, state_b=state_b)
        built.parts = plan_parts(built.plan)
        built.users = {
            "anonymous": None,
            "delegate_a": DelegateFactory(username="q-delegate-a", state=state_a),
            "delegate_b": DelegateFactory(username="q-delegate-b", state=state_b),
            "committee": CommitteeMemberFactory(username="q-committee"),
            "isu": ISUStaffFactory(username="q-isu"),
            "admin": AdminFactory(username="q-admin"),
        }
        from rest_framework.authtoken.models import Token

        built.tokens = {
            role: Token.objects.create(user=user).key
            for role, user in built.users.items()
            if user is not None
        }
        yield built
        transaction.set_rollback(True)
