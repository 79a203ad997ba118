"""Rendered pages kept per credential and served again until a table they were read from changes.

A page of the portal costs tens of milliseconds to render (the plan page reads ~20 tables and
renders hundreds of template nodes) but changes only when someone edits. `PageCacheMiddleware`
keeps each successful GET response (HTML or JSON) in the worker's memory under a key made of
the caller's credential (session cookie or Authorization header), the address, the Accept
header and the day; `tables` records which tables the render read and, in every process, when
each table was last written. A stored page is served again only while none of its tables has
been written since it was rendered, so an edit, a logout (the session row is deleted) or a
changed role (the user row) is visible on the very next request.

On by default when a shared cache (Redis) is configured, because the write times must be seen
by every process: gunicorn workers, Celery workers and management commands.

Why not a library: Django's cache middleware only expires pages by time (an editor would see
the old text for minutes); django-cachalot and django-cacheops cache query results, not pages,
so a hit would still pay for sessions, templates and serializers (the plan page's cost is in
rendering), and cacheops needs Redis even in the embedded default. What is ours is small: a
table-name scan of the SQL, a Redis hash of write times and an in-memory LRU."""
