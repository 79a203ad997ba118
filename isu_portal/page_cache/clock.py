"""When each table was last written, as seen by every process.

With Redis (production): one hash, one field per table, plus the epoch field that says since
when the hash is complete. HSET of one field is atomic, so concurrent writers never lose each
other's times, and a hit reads all of a page's tables in a single HMGET. If the hash disappears
(Redis restarted empty, or flushed), its epoch goes with it and every page is stale.

Every mark also raises a generation number, in the same transaction as the times. A page
checked against all its tables remembers the generation it was checked at; while the
generation has not moved, no table at all has been written, and one field is read instead of
thirty (the steady state of a portal that is read far more often than it is edited).

Without Redis (the embedded default, the tests): the same through Django's cache API."""

from __future__ import annotations

import time
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache

EPOCH = "__epoch__"
GENERATION = "__generation__"


# Times come from the Redis server's own clock (TIME inside the script), so that web workers,
# Celery workers and commands on different hosts compare times of one clock, never their own.
_NOW = "local t = redis.call('TIME') local now = t[1] .. '.' .. string.format('%06d', t[2]) "
_MARK = (
    _NOW
    + "for _, name in ipairs(ARGV) do redis.call('HSET', KEYS[1], name, now) end "
    + "redis.call('HINCRBY', KEYS[1], '__generation__', 1) return now"
)
_START = (
    _NOW
    + "redis.call('HSETNX', KEYS[1], '__epoch__', now) "
    + "redis.call('HSETNX', KEYS[1], '__generation__', 0) return now"
)
_RESET = _NOW + "redis.call('HSET', KEYS[1], '__epoch__', now) return now"


class RedisClock:
    def __init__(self, url: str, *, key: str):
        import redis

        self.key = key
        self.client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self._mark = self.client.register_script(_MARK)
        self._start = self.client.register_script(_START)
        self._reset = self.client.register_script(_RESET)

    def mark(self, tables: Iterable[str]) -> float:
        return float(self._mark(keys=[self.key], args=list(tables)))

    def start(self) -> float:
        """Now, by the clock's time; the epoch and generation exist from here on."""
        return float(self._start(keys=[self.key]))

    def reset(self) -> None:
        self._reset(keys=[self.key])

    def generation(self) -> int | None:
        value = self.client.hget(self.key, GENERATION)
        return int(value) if value is not None else None

    def read(self, tables: tuple[str, ...]) -> tuple[int | None, float | None, list[float]]:
        """The generation, the epoch and the tables' write times, read at one instant."""
        values = self.client.hmget(self.key, GENERATION, EPOCH, *tables)
        generation = int(values[0]) if values[0] is not None else None
        epoch = float(values[1]) if values[1] is not None else None
        return generation, epoch, [float(value) for value in values[2:] if value is not None]

    def forget(self) -> None:
        self.client.delete(self.key)


class CacheClock:
    """Through Django's cache API: enough for one process (the embedded default, the tests),
    where no other writer can slip between setting the times and raising the generation."""

    prefix = "page-cache:table:"

    def mark(self, tables: Iterable[str]) -> float:
        moment = time.time()
        cache.set_many({self.prefix + table: moment for table in tables}, timeout=None)
        try:
            cache.incr(self.prefix + GENERATION)
        except ValueError:  # not there yet
            cache.set(self.prefix + GENERATION, 1, timeout=None)
        return moment

    def start(self) -> float:
        moment = time.time()
        cache.add(self.prefix + EPOCH, moment, timeout=None)
        cache.add(self.prefix + GENERATION, 0, timeout=None)
        return moment

    def reset(self) -> None:
        cache.set(self.prefix + EPOCH, time.time(), timeout=None)

    def generation(self) -> int | None:
        return cache.get(self.prefix + GENERATION)

    def read(self, tables: tuple[str, ...]) -> tuple[int | None, float | None, list[float]]:
        found = cache.get_many(
            [self.prefix + GENERATION, self.prefix + EPOCH]
            + [self.prefix + table for table in tables]
        )
        generation = found.pop(self.prefix + GENERATION, None)
        epoch = found.pop(self.prefix + EPOCH, None)
        return generation, epoch, list(found.values())

    def forget(self) -> None:
        cache.delete_many([self.prefix + EPOCH, self.prefix + GENERATION])


@lru_cache(maxsize=8)
def _clock_for(redis_url: str, key: str) -> RedisClock | CacheClock:
    return RedisClock(redis_url, key=key) if redis_url else CacheClock()


def clock() -> RedisClock | CacheClock:
    return _clock_for(settings.PAGE_CACHE_REDIS_URL, settings.PAGE_CACHE_REDIS_KEY)
