"""Configurations under which the page cache would serve stale or foreign pages are refused."""

from django.conf import settings
from django.core.checks import Error, Warning, register

SHARED_BACKENDS = (
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.db.DatabaseCache",
)


@register()
def page_cache_configuration(app_configs, **kwargs):
    if not settings.PAGE_CACHE_ENABLED:
        return []
    problems = []
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        problems.append(
            Error(
                "The page cache needs database sessions: a logout is seen as a write to the "
                "session table.",
                hint="Set SESSION_ENGINE to django.contrib.sessions.backends.db "
                "or PAGE_CACHE_ENABLED=False.",
                id="page_cache.E001",
            )
        )
    if settings.CACHES["default"]["BACKEND"] not in SHARED_BACKENDS and not settings.DEBUG:
        problems.append(
            Warning(
                "The page cache is on but the default cache is not shared between processes: "
                "a write made by one process is not seen by the others.",
                hint="Set REDIS_URL (the default cache then lives in Redis) "
                "or PAGE_CACHE_ENABLED=False.",
                id="page_cache.W001",
            )
        )
    return problems
