"""The production clock: a Redis hash dated by the Redis server, shared by every process."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

from isu_portal.page_cache.clock import RedisClock
from tests.page_cache.conftest import PLAN_URL

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(not REDIS_URL, reason="needs Redis: set REDIS_URL (CI does)"),
]


@pytest.fixture
def redis_clock_key(settings):
    key = f"test:page-cache:{uuid.uuid4().hex}"
    settings.PAGE_CACHE_REDIS_URL = REDIS_URL
    settings.PAGE_CACHE_REDIS_KEY = key
    yield key
    RedisClock(REDIS_URL, key=key).forget()


def test_marks_raise_the_generation_and_are_dated_by_the_server(redis_clock_key):
    clock = RedisClock(REDIS_URL, key=redis_clock_key)
    assert clock.generation() is None
    started = clock.start()
    assert clock.generation() == 0
    seconds, micros = clock.client.time()
    assert abs(started - (seconds + micros / 1e6)) < 5
    marked = clock.mark(["workplan_paragraph", "parties_state"])
    assert marked >= started
    generation, epoch, written = clock.read(("workplan_paragraph", "budget_costline"))
    assert (generation, epoch, written) == (1, started, [marked])
    assert clock.start() >= started  # the epoch stays where it was
    assert clock.read(())[1] == started
    clock.forget()
    assert clock.read(("workplan_paragraph",)) == (None, None, [])


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="another process must see the test database: PostgreSQL (CI)",
)
@pytest.mark.django_db(transaction=True)
def test_a_write_made_by_another_process_is_seen_on_the_next_request(
    settings, redis_clock_key, plan_2025, isu_user, warm
):
    from workplan.models import Paragraph

    settings.PAGE_CACHE_ENABLED = True
    client = warm(isu_user, PLAN_URL)
    paragraph = Paragraph.objects.filter(section__plan=plan_2025).first()
    database = connection.settings_dict
    login = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    database_url = f"postgres://{login}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from workplan.models import Paragraph; "
            f"Paragraph.objects.filter(pk={paragraph.pk}).update(text='Written by a worker.')",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "isu_portal.settings.test",
            "DATABASE_URL": database_url,
            "PAGE_CACHE_ENABLED": "true",
            "PAGE_CACHE_REDIS_URL": REDIS_URL,
            "PAGE_CACHE_REDIS_KEY": redis_clock_key,
        },
        check=True,
        capture_output=True,
        timeout=120,
    )
    response = client.get(PLAN_URL)
    assert response["X-Page-Cache"] == "miss"
    assert b"Written by a worker." in response.content
    assert client.get(PLAN_URL)["X-Page-Cache"] == "hit"
