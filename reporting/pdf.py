"""Rendering templates to PDF with WeasyPrint: a pure function of a template and its context.

Only files under the project's static folders can be loaded: a document never fetches anything
from the network, so rendering is reproducible and safe to run on untrusted content."""

from pathlib import Path
from urllib.parse import unquote, urlparse

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

STATIC_BASE_URL = "file:///static/"
DEFAULT_AUTHOR = "Implementation Support Unit, Convention on Cluster Munitions"


class ForbiddenResource(ValueError):
    pass


def _static_roots() -> tuple[Path, ...]:
    roots = []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            roots.append(Path(storage.location).resolve())
    return tuple(roots)


class StaticOnlyFetcher(URLFetcher):
    """Serves `file:///static/...` (and files inside the static folders, which stylesheets
    reach by relative URLs) and `data:` URIs; refuses everything else. A missing file stops the
    render instead of silently dropping a font or a stylesheet."""

    def __init__(self):
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)

    def fetch(self, url, headers=None):
        parsed = urlparse(url)
        if parsed.scheme == "data":
            return super().fetch(url, headers)
        path = unquote(parsed.path)
        if parsed.scheme == "file" and path.startswith("/static/"):
            found = finders.find(path.removeprefix("/static/"))
            if not found:
                raise ForbiddenResource(f"no static file {path}")
            return super().fetch(Path(found).resolve().as_uri(), headers)
        if parsed.scheme == "file":
            resolved = Path(path).resolve()
            if any(resolved.is_relative_to(root) for root in _static_roots()):
                return super().fetch(resolved.as_uri(), headers)
        raise ForbiddenResource(f"documents may only load the portal's static files, not {url}")


def render_pdf(
    template_name: str,
    context: dict,
    *,
    title: str = "",
    author: str = DEFAULT_AUTHOR,
    subject: str = "",
    lang: str = "en",
    pdf_variant: str | None = "pdf/ua-1",
) -> bytes:
    """Renders `template_name` with `context` to tagged PDF bytes (PDF/UA by default), with the
    document's metadata set. Templates link CSS as `{% static %}`-free paths such as
    `/static/documents/print-base.css`."""
    html = render_to_string(template_name, {**context, "document_lang": lang})
    return html_to_pdf(
        html, title=title, author=author, subject=subject, lang=lang, pdf_variant=pdf_variant
    )


def html_to_pdf(
    html: str,
    *,
    title: str = "",
    author: str = DEFAULT_AUTHOR,
    subject: str = "",
    lang: str = "en",
    pdf_variant: str | None = "pdf/ua-1",
) -> bytes:
    """The PDF of an already rendered HTML document (callers that key a cache on the HTML
    render it once and pass it here)."""
    document = HTML(string=html, base_url=STATIC_BASE_URL, url_fetcher=StaticOnlyFetcher())
    font_config = FontConfiguration()
    rendered = document.render(
        font_config=font_config, pdf_variant=pdf_variant, uncompressed_pdf=False
    )
    metadata = rendered.metadata
    metadata.title = title or metadata.title
    metadata.authors = [author]
    metadata.description = subject or metadata.description
    metadata.lang = lang
    return rendered.write_pdf(pdf_variant=pdf_variant)
