from isu_portal.page_cache.tables import is_write_mark


def app_callbacks(callbacks) -> list:
    """The application's on-commit callbacks, without the page cache's write marks (present
    when the suite runs with PAGE_CACHE_ENABLED=true)."""
    return [callback for callback in callbacks if not is_write_mark(callback)]
