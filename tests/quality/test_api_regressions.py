"""Bugs the API fuzzing found (tests/quality/test_api_fuzz.py), one regression test each."""

import pytest
from django.test import Client

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def openapi(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return Client().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()


def staff(world):
    client = Client()
    client.force_login(world.users["isu"])
    return client


def response_schema(openapi, path, method="get", status="200"):
    content = openapi["paths"][path][method]["responses"][status]["content"]
    return content["application/json"]["schema"]


@pytest.mark.parametrize(
    "path", ["/api/contacts/", "/api/invoices/", "/api/credit-notes/", "/api/payments/"]
)
def test_unpaginated_lists_are_documented_as_plain_arrays(path, openapi, world):
    # They answered a plain array while the schema promised a {count, results} page.
    assert response_schema(openapi, path)["type"] == "array"
    assert "limit" not in {p["name"] for p in openapi["paths"][path]["get"].get("parameters", [])}
    assert isinstance(staff(world).get(path, {"limit": 0}).json(), list)


def _component(openapi, name):
    return openapi["components"]["schemas"][name]["properties"]


def test_meeting_without_presidency_is_documented_as_nullable(openapi, world):
    # A meeting whose presidency is not yet known answered "presidency": null, undocumented.
    MeetingFactory(short_name="14MSP", number=14, presidency=None)
    assert _component(openapi, "MeetingOutput")["presidency"]["nullable"] is True
    assert _component(openapi, "MeetingDetailOutput")["presidency"]["nullable"] is True
    rows = staff(world).get("/api/meetings/", {"limit": 100}).json()["results"]
    assert next(r for r in rows if r["short_name"] == "14MSP")["presidency"] is None


def test_document_without_parent_is_documented_as_nullable(openapi, world):
    assert _component(openapi, "MeetingDocumentOutput")["parent"]["nullable"] is True
    rows = staff(world).get("/api/meeting-documents/").json()["results"]
    assert rows and rows[0]["parent"] is None


@pytest.mark.parametrize(
    "path",
    ["/api/participants/", "/api/sponsorship-applications/", "/api/invoices/", "/api/workplans/"],
)
def test_options_answers_instead_of_a_server_error(path, world):
    # DRF's metadata instantiated `serializer_class`, which our views do not have: HTTP 500.
    response = staff(world).options(path)
    assert response.status_code == 200
    assert "actions" not in response.json()


def test_meeting_list_filtered_by_year_zero_is_not_a_server_error(world):
    # start_date__year=0 raised "year 0 is out of range" (HTTP 500).
    response = staff(world).get("/api/meetings/", {"year": 0})
    assert response.status_code == 200
    assert response.json()["count"] == Client().get("/api/meetings/").json()["count"]
