"""Serves a stored page again while nothing it was read from has changed (see the package doc).

Placed right after the security headers' middlewares and before the session: a hit skips
sessions, authentication, the URL resolver and the view, yet still leaves through the
SecurityMiddleware and the Content Security Policy, so its headers are those of a render.

Which requests and responses are kept, and why:
- GET only, and not htmx requests (their fragments depend on request headers).
- Keyed by the exact credential (session cookie, Authorization header) and the CSRF cookie,
  so a page only ever goes back to the one who presented that credential; plus host, scheme,
  full path, Accept header and today's date (overdue invoices, open deadlines change daily).
- 200 responses of HTML or JSON, not streamed, without `Cache-Control: no-store`, from a
  request that wrote nothing (a side effect such as an audit record must happen every time).
- No cookie set, except a new CSRF cookie for a caller who holds a credential: the secret is
  then replayed to that credential's holder only, and anonymous visitors never share one.
- Never beyond the session's expiry or PAGE_CACHE_SECONDS."""

from __future__ import annotations

import hashlib
import time
from copy import deepcopy
from dataclasses import replace
from http.cookies import SimpleCookie

from django.conf import settings
from django.contrib.sessions.models import Session
from django.http import HttpResponse
from django.utils import timezone

from isu_portal.page_cache import tables
from isu_portal.page_cache.store import PageStore, StoredPage

STORE = PageStore(max_bytes=getattr(settings, "PAGE_CACHE_MAX_BYTES", 64 * 2**20))
KEPT_TYPES = ("text/html", "application/json")
HEADER = "X-Page-Cache"


def page_key(request, *, csrf_cookie: str | None = None) -> str:
    meta = request.META
    cookies = request.COOKIES
    if csrf_cookie is None:
        csrf_cookie = cookies.get(settings.CSRF_COOKIE_NAME, "")
    parts = (
        meta.get("HTTP_AUTHORIZATION", ""),
        cookies.get(settings.SESSION_COOKIE_NAME, ""),
        csrf_cookie,
        meta.get("HTTP_HOST", ""),
        request.scheme,
        request.get_full_path(),
        meta.get("HTTP_ACCEPT", ""),
        timezone.localdate().isoformat(),
    )
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _has_credential(request) -> bool:
    return bool(
        request.META.get("HTTP_AUTHORIZATION") or request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    )


def _signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def _considered(request) -> bool:
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method == "GET"
        and "HTTP_HX_REQUEST" not in request.META
        # Flash messages waiting in their cookie are shown (and consumed) by the next render.
        and "messages" not in request.COOKIES
    )


def _keepable(request, response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith(KEPT_TYPES):
        return False
    if "no-store" in response.get("Cache-Control", ""):
        return False
    if getattr(request, "page_cache_exempt", False):
        return False
    cookies = set(response.cookies)
    if cookies and (cookies != {settings.CSRF_COOKIE_NAME} or not _has_credential(request)):
        return False
    if not _has_credential(request) and _signed_in(request):
        # Signed in by some other means than the key knows (a test client's force
        # authentication): the page is someone's, yet the key would be everyone's.
        return False
    return len(response.content) <= settings.PAGE_CACHE_MAX_ENTRY_BYTES


def _expiry(request, now: float) -> float:
    expires = now + settings.PAGE_CACHE_SECONDS
    session = getattr(request, "session", None)
    if session is not None and settings.SESSION_COOKIE_NAME in request.COOKIES:
        expires = min(expires, session.get_expiry_date().timestamp())
    return expires


def _replay(page: StoredPage) -> HttpResponse:
    response = HttpResponse(page.body, status=page.status)
    for name, value in page.headers:
        response.headers[name] = value
    for name, morsel in page.cookies.items():  # copies: the stored page stays as it was
        dict.__setitem__(response.cookies, name, morsel.copy())
    response[HEADER] = "hit"
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _considered(request):
            return self.get_response(request)
        key = page_key(request)
        page = STORE.get(key)
        if page is not None:
            try:
                generation = tables.unchanged_since(
                    page.tables, page.rendered_at, page.checked_generation
                )
            except Exception:  # clock unreachable: nothing can be trusted, render instead
                STORE.clear()
                generation = None
            if generation is not None:
                page.checked_generation = generation
                return _replay(page)
            STORE.discard(key)
        return self._render(request, key)

    def _render(self, request, key: str):
        try:
            rendered_at = tables.render_started()
        except Exception:  # cache unreachable: serve without keeping
            return self.get_response(request)
        with tables.recording_reads() as reads:
            response = self.get_response(request)
        if not reads.wrote and _keepable(request, response):
            read = set(reads.tables)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # The page went to a session's holder: a logout must drop it even if the
                # render itself never looked at the session.
                read.add(Session._meta.db_table)
            page = StoredPage(
                rendered_at=rendered_at,
                expires_at=_expiry(request, time.time()),
                tables=tuple(sorted(read)),
                status=response.status_code,
                headers=tuple(
                    (name, value)
                    for name, value in response.headers.items()
                    if name.lower() not in ("set-cookie", HEADER.lower())
                ),
                cookies=deepcopy(response.cookies),
                body=response.content,
            )
            STORE.put(key, page)
            new_csrf = response.cookies.get(settings.CSRF_COOKIE_NAME)
            if new_csrf is not None:
                # The caller's next request carries the new CSRF cookie: the same body (its
                # tokens come from that secret) serves it, without setting the cookie again.
                STORE.put(
                    page_key(request, csrf_cookie=new_csrf.value),
                    replace(page, cookies=SimpleCookie()),
                )
            response[HEADER] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "page_cache_exempt", False):
            request.page_cache_exempt = True


def page_cache_exempt(view):
    """Marks a view whose responses must always be rendered afresh."""
    view.page_cache_exempt = True
    return view
