"""Which tables a statement names, and the write tracker every connection carries."""

import pytest
from django.db import connection, transaction

from isu_portal.page_cache import tables
from isu_portal.page_cache.clock import clock
from parties.models import State
from tests.factories import StateFactory


def test_tables_are_found_quoted_or_not():
    sql = 'SELECT "parties_state"."id" FROM "parties_state" JOIN workplan_paragraph ON 1=1'
    assert tables.tables_in(sql) == {"parties_state", "workplan_paragraph"}
    assert tables.tables_in("SELECT 1") == frozenset()


@pytest.mark.parametrize(
    ("sql", "write"),
    [
        ('INSERT INTO "x" VALUES (1)', True),
        ("  update x set a = 1", True),
        ('DELETE FROM "x"', True),
        ('TRUNCATE "x"', True),
        ('SELECT "x"."id" FROM "x" FOR UPDATE', False),
    ],
)
def test_writes_are_told_from_reads(sql, write):
    assert tables._is_write(sql) is write


def _written(table):
    return clock().read((table,))[2]


@pytest.mark.django_db
def test_a_write_is_dated_when_it_runs_and_again_when_it_commits(
    settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        StateFactory(iso3="ZZA", name="Atlantis")
        assert _written("parties_state"), "not dated when the statement ran"
    assert callbacks, "no second date at commit"


@pytest.mark.django_db
def test_nothing_is_dated_when_the_page_cache_is_off(settings):
    settings.PAGE_CACHE_ENABLED = False
    State.objects.filter(iso3="NONE").update(name="x")
    assert _written("parties_state") == []


@pytest.mark.django_db(transaction=True)  # the connection is closed and opened again
def test_the_tracker_survives_a_reconnection_inside_an_execute_wrapper_block():
    def other(execute, *args):
        return execute(*args)

    connection.close()
    with connection.execute_wrapper(other):
        State.objects.count()  # reconnects: connection_created installs the tracker
        assert connection.execute_wrappers[-1] is other
    assert other not in connection.execute_wrappers
    assert tables._TRACKER in connection.execute_wrappers


@pytest.mark.django_db
def test_reads_are_recorded_during_a_block_only():
    with tables.recording_reads() as reads:
        State.objects.count()
    State.objects.exists()
    assert reads.tables == {"parties_state"}
