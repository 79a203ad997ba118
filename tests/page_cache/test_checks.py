from isu_portal.page_cache.checks import page_cache_configuration


def _ids(settings, **values):
    for name, value in values.items():
        setattr(settings, name, value)
    return [problem.id for problem in page_cache_configuration(None)]


def test_database_sessions_are_required(settings):
    assert _ids(
        settings,
        PAGE_CACHE_ENABLED=True,
        SESSION_ENGINE="django.contrib.sessions.backends.cache",
    ) == ["page_cache.E001", "page_cache.W001"]


def test_a_cache_of_one_process_is_flagged_in_production(settings):
    assert _ids(settings, PAGE_CACHE_ENABLED=True, DEBUG=False) == ["page_cache.W001"]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
        }
    }
    assert _ids(settings) == []


def test_nothing_to_say_when_off(settings):
    assert _ids(settings, PAGE_CACHE_ENABLED=False, SESSION_ENGINE="x") == []
