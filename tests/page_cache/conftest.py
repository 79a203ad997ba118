import io

import pytest
from django.core.management import call_command

from workplan.models import WorkPlan

PLAN_URL = "/workplans/2025/"


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def plan_2025(db) -> WorkPlan:
    call_command("load_workplan_2025", stdout=io.StringIO())
    return WorkPlan.objects.get(year=2025)


@pytest.fixture
def warm(client_for):
    """A signed-in client whose next request for `url` is served by the page cache: the
    first request renders (and sets the CSRF cookie), the second is kept under that cookie."""

    def make(user, url):
        client = client_for(user)
        first = client.get(url)
        assert first.status_code == 200
        assert first["X-Page-Cache"] == "miss"
        again = client.get(url)
        assert again["X-Page-Cache"] == "hit", "the page was not kept"
        return client

    return make
