"""Every URL the portal answers, read from the URL resolver (never listed by hand)."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

# Admin's own pages (model change lists, forms, auth views) are Django's and guarded by its
# staff check; only the admin index stands for them in the access table.
ADMIN_PREFIX = "admin/"


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", the key of the access table
    pattern: str  # the full route, for messages
    params: tuple[str, ...]  # the keyword arguments it needs
    extra: tuple[str, ...]  # default kwargs baked into the route (not from the path)


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith(ADMIN_PREFIX):
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern):
            if entry.name is None:
                yield Route(f"{namespace}<unnamed>", route, (), ())
                continue
            params = tuple(entry.pattern.regex.groupindex)
            yield Route(f"{namespace}{entry.name}", route, params, tuple(entry.default_args))


def all_routes() -> list[Route]:
    """Every named route except admin's internals and DRF's format-suffix twins, plus the admin
    index (reached under its own name)."""
    routes = {}
    for route in _walk(get_resolver().url_patterns):
        if "format" in route.params:  # DRF's "<pk>.<format>" variants mirror a route we check
            continue
        routes.setdefault(route.name, route)
    routes["admin:index"] = Route("admin:index", ADMIN_PREFIX, (), ())
    return sorted(routes.values(), key=lambda r: r.name)
