"""Schemathesis against /api/schema/, in-process through the WSGI application, as each of the
six kinds of visitor (token authentication): no server error, and every documented response
conforms to the schema.

ISU staff (who reach every operation) get the full treatment: the coverage phase (boundary
values, missing and unexpected parameters, undeclared methods such as OPTIONS) and a few
generated examples. The five other roles get a few generated examples each. The whole file
runs in a few minutes."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from tests.quality.access_table import ROLES

pytestmark = [pytest.mark.django_db]

APP = get_wsgi_application()
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
HYPOTHESIS = settings(
    max_examples=3, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)

full = schemathesis.openapi.from_wsgi("/api/schema/", APP)
light = schemathesis.openapi.from_wsgi(
    "/api/schema/",
    APP,
    config=schemathesis.Config.from_dict({"phases": {"coverage": {"enabled": False}}}),
)


@pytest.fixture(autouse=True, scope="module")
def _keep_the_test_connection():
    # The WSGI handler closes the database connection at the end of each request; on
    # PostgreSQL that would close the test's transaction. Django's test client does the same.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def headers(world, role):
    token = world.tokens.get(role)
    return {"Authorization": f"Token {token}"} if token else {}


@full.parametrize()
@HYPOTHESIS
def test_api_as_isu_staff(case, world):
    case.call_and_validate(app=APP, headers=headers(world, "isu"), checks=CHECKS)


@pytest.fixture(params=[role for role in ROLES if role != "isu"])
def role(request):
    return request.param


@light.parametrize()
@HYPOTHESIS
def test_api_as_every_other_role(case, world, role):
    case.call_and_validate(app=APP, headers=headers(world, role), checks=CHECKS)
