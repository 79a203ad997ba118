"""The Content Security Policy of every page: scripts and styles from the portal itself only.

No inline script and no inline style anywhere in the portal's own pages (htmx is a static file
and its indicator styles are switched off in base.html). A response that already carries a
policy keeps it (e.g. uploaded documents are served with `default-src 'none'; sandbox`).

One exception, declared where the view is routed: the vendored API documentation (Swagger UI,
Redoc) injects <style> elements at run time, so those two pages allow inline *styles*; their
scripts are still static files only (Swagger UI's start-up script comes from the split view).
"""

from django.conf import settings

HEADER = "Content-Security-Policy"


def render_policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


def csp_update(view, **directives):
    """Marks a view whose pages extend the policy, e.g. style_src=["'unsafe-inline'"]."""
    view.csp_update = {name.replace("_", "-"): values for name, values in directives.items()}
    return view


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if HEADER in response:
            return response
        directives = {
            name: list(values) for name, values in settings.CONTENT_SECURITY_POLICY.items()
        }
        for name, values in getattr(request, "_csp_update", {}).items():
            directives[name] = [*directives.get(name, []), *values]
        response[HEADER] = render_policy(directives)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        update = getattr(view_func, "csp_update", None)
        if update:
            request._csp_update = update
