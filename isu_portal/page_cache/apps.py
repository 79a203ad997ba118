from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "isu_portal.page_cache"
    label = "page_cache"
    verbose_name = "Page cache"

    def ready(self):
        from django.db.backends.signals import connection_created

        from isu_portal.page_cache import checks  # noqa: F401  (registers the checks)
        from isu_portal.page_cache.tables import track_writes_on

        # Infrastructure, not business logic: every new database connection (web, Celery,
        # management commands) reports its writes, whichever code made them.
        connection_created.connect(track_writes_on, dispatch_uid="page_cache.track_writes")
