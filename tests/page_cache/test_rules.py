"""The rules of what is kept, on views made for the purpose (tests/page_cache/urls.py)."""

import pytest

from isu_portal.page_cache.middleware import STORE
from tests.factories import StateFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.page_cache.urls"),
    pytest.mark.usefixtures("page_cache_on"),
]


def test_a_read_is_kept_until_its_table_is_written(client):
    assert client.get("/count/")["X-Page-Cache"] == "miss"
    assert client.get("/count/")["X-Page-Cache"] == "hit"
    StateFactory()
    fresh = client.get("/count/")
    assert fresh["X-Page-Cache"] == "miss"
    assert fresh.json() == {"states": 1}


def test_a_request_that_writes_runs_every_time(client):
    StateFactory(iso3="VIS", name="Not visited")
    for _ in range(3):
        response = client.get("/visit/")
        assert response.get("X-Page-Cache") is None
    assert len(STORE) == 0


def test_an_exempt_view_is_never_kept(client):
    for _ in range(2):
        assert client.get("/fresh/").get("X-Page-Cache") is None
    assert len(STORE) == 0


def test_the_query_string_is_part_of_the_key(client):
    client.get("/count/?a=1")
    assert client.get("/count/?a=2")["X-Page-Cache"] == "miss"
    assert client.get("/count/?a=1")["X-Page-Cache"] == "hit"
