"""The worker's own memory of rendered pages: least recently used first out, bounded in bytes.

Pages stay in the process that rendered them (no network transfer of the body on a hit); only
the tables' write times are shared. gunicorn's threads may share a worker, hence the lock."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from http.cookies import SimpleCookie


@dataclass
class StoredPage:
    rendered_at: float
    expires_at: float
    tables: tuple[str, ...]
    status: int
    headers: tuple[tuple[str, str], ...]
    cookies: SimpleCookie
    body: bytes
    # The clock's generation when the page was last found current (see clock.py).
    checked_generation: int | None = None

    def fresh(self, now: float) -> bool:
        return now < self.expires_at


class PageStore:
    def __init__(self, *, max_bytes: int):
        self.max_bytes = max_bytes
        self._pages: OrderedDict[str, StoredPage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> StoredPage | None:
        with self._lock:
            page = self._pages.get(key)
            if page is None:
                return None
            if not page.fresh(time.time()):
                self._drop(key)
                return None
            self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: StoredPage) -> None:
        if len(page.body) > self.max_bytes:
            return
        with self._lock:
            if key in self._pages:
                self._drop(key)
            self._pages[key] = page
            self._bytes += len(page.body)
            while self._bytes > self.max_bytes:
                self._drop(next(iter(self._pages)))

    def discard(self, key: str) -> None:
        with self._lock:
            if key in self._pages:
                self._drop(key)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._pages)

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def _drop(self, key: str) -> None:
        self._bytes -= len(self._pages.pop(key).body)
