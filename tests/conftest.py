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
