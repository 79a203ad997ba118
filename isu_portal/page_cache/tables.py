"""Which tables a SQL statement names, and when each table was last written (in every process).

Write times live in `clock` (a Redis hash in production, shared by all processes). A write is
recorded twice: when the statement runs (a render that starts after it, even before the commit,
is then not trusted) and again when its transaction commits (a render that read the old rows
before the commit is then not trusted either). A write that is rolled back is only ever recorded
once, which merely costs a render.

The clock's epoch marks since when the write times are complete: if Redis is emptied, it is set
anew and every page rendered before it is treated as stale."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from contextlib import ExitStack, contextmanager
from functools import lru_cache, partial

from django.apps import apps
from django.conf import settings
from django.db import connections, transaction

from isu_portal.page_cache.clock import clock

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z_][a-z0-9_]*")
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "TRUNCATE", "ALTER", "DROP", "CREATE")


@lru_cache(maxsize=1)
def model_tables() -> frozenset[str]:
    """Every table of an installed model, many-to-many tables included."""
    return frozenset(
        model._meta.db_table.lower() for model in apps.get_models(include_auto_created=True)
    )


def tables_in(sql: str) -> frozenset[str]:
    """The model tables a statement names, quoted or not (words of the SQL that are table
    names; a column that happens to share a table's name only makes the page more cautious)."""
    return model_tables().intersection(_WORD.findall(sql.lower()))


def _is_write(sql: str) -> bool:
    return sql.lstrip()[:8].upper().startswith(_WRITES)


def mark_written(tables: Iterable[str]) -> None:
    """Records that these tables changed now. A clock failure must never fail the write that
    caused it: it is logged, and the pages' lifetime (PAGE_CACHE_SECONDS) bounds the damage."""
    try:
        clock().mark(tables)
    except Exception:  # the cache server being down must not fail the write
        logger.exception("page cache: could not record a write to %s", sorted(tables))


def mark_all_written() -> None:
    """After changes made outside Django (a restored dump): every stored page is stale."""
    mark_written(model_tables())
    try:
        clock().reset()
    except Exception:
        logger.exception("page cache: could not reset the epoch")


class _WriteTracker:
    """Execute wrapper on every connection: records the tables each write statement names."""

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if settings.PAGE_CACHE_ENABLED and isinstance(sql, str) and _is_write(sql):
            tables = tables_in(sql)
            if tables:
                mark_written(tables)
                connection = context["connection"]
                if connection.in_atomic_block:
                    transaction.on_commit(partial(mark_written, tables), using=connection.alias)
        return result


_TRACKER = _WriteTracker()


def track_writes_on(sender, connection, **kwargs) -> None:
    """connection_created receiver. The tracker goes to the bottom of the wrapper stack: an
    `execute_wrapper` block that is open while the connection is (re)established pops its own
    wrapper from the top when it ends."""
    if _TRACKER not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, _TRACKER)


class ReadRecorder:
    """Execute wrapper collecting every table a request's statements name, and whether any of
    them wrote (a request with a side effect, such as an audit record, must run every time)."""

    def __init__(self):
        self.tables: set[str] = set()
        self.wrote = False

    def __call__(self, execute, sql, params, many, context):
        if isinstance(sql, str):
            self.tables |= tables_in(sql)
            self.wrote = self.wrote or _is_write(sql)
        return execute(sql, params, many, context)


@contextmanager
def recording_reads():
    """Collects the tables read on every database alias of this thread, including connections
    first opened during the block (the wrappers belong to the connection handler's object)."""
    recorder = ReadRecorder()
    with ExitStack() as stack:
        for alias in settings.DATABASES:
            stack.enter_context(connections[alias].execute_wrapper(recorder))
        yield recorder


def render_started() -> float:
    """The moment a render is dated at, by the clock's time (the epoch exists from then on)."""
    return clock().start()


def unchanged_since(tables: tuple[str, ...], moment: float, generation: int | None) -> int | None:
    """None when any of the tables was written at or after `moment`, or when the clock cannot
    tell (emptied since); otherwise the generation at which that was established. If the
    generation is still the one given, nothing was written at all and only it is read."""
    current = clock().generation()
    if current is not None and current == generation:
        return current
    current, epoch, written = clock().read(tables)
    if epoch is None or epoch > moment or any(when >= moment for when in written):
        return None
    return current


def is_write_mark(callback) -> bool:
    """Whether an on-commit callback is one of this module's write marks (tests that count the
    application's own callbacks leave these out)."""
    return isinstance(callback, partial) and callback.func is mark_written
