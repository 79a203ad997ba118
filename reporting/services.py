"""Rendering the work plan as its official document (PDF, DOCX), stored under a content hash.

`workplan_document_get_or_render` is the one entry point: it renders the document's HTML
(cheap: a fixed number of queries and one template), hashes it together with the stylesheets,
the fonts, the kind and the renderer version, and returns the stored file for that hash or
renders and stores it. An unchanged plan is therefore never rendered twice, any change that
shows in the document yields a new file, and no file is ever deleted here."""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from isu_portal.errors import DomainError
from reporting.models import DocumentKind, RenderedDocument
from reporting.pdf import DEFAULT_AUTHOR, html_to_pdf
from reporting.selectors import (
    document_sources_digest,
    workplan_data_fingerprint,
    workplan_document_context,
)

# Bump when the rendering code changes in a way the HTML does not show (python-docx layout,
# WeasyPrint options): every document is then rendered afresh once.
RENDERER_VERSION = "workplan-document/1"

DOCUMENT_TEMPLATE = "documents/workplan.html"
# Every file the PDF's look depends on besides the HTML.
ASSETS = (
    "documents/print-base.css",
    "documents/workplan.css",
    "fonts/LiberationSerif-Regular.ttf",
    "fonts/LiberationSerif-Bold.ttf",
    "fonts/LiberationSerif-Italic.ttf",
    "fonts/LiberationSerif-BoldItalic.ttf",
    "fonts/LiberationSans-Regular.ttf",
    "fonts/LiberationSans-Bold.ttf",
)


@lru_cache(maxsize=1)
def assets_digest() -> str:
    """sha256 over the stylesheets and fonts, read once per process (they ship with the code
    and change only with a deployment, which restarts the process)."""
    digest = hashlib.sha256()
    for name in ASSETS:
        found = finders.find(name)
        if not found:
            raise DomainError(f"The document asset {name} is missing.")
        digest.update(name.encode())
        digest.update(Path(found).read_bytes())
    return digest.hexdigest()


def workplan_document_html(*, plan, context: dict | None = None) -> str:
    """The print HTML of the plan's document (what WeasyPrint renders)."""
    context = context if context is not None else workplan_document_context(plan=plan)
    return render_to_string(DOCUMENT_TEMPLATE, {**context, "document_lang": "en"})


def document_hash(*, html: str, kind: str) -> str:
    digest = hashlib.sha256()
    # The sources digest covers reporting/docx.py, whose layout the HTML does not show.
    for part in (RENDERER_VERSION, kind, assets_digest(), document_sources_digest(), html):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _fingerprint(*, plan, kind: str) -> str:
    """The cheap key: the stored data, the templates, the stylesheets and fonts, the kind and
    the renderer version (everything the full hash covers, without rendering the HTML)."""
    digest = hashlib.sha256()
    for part in (RENDERER_VERSION, kind, assets_digest(), workplan_data_fingerprint(plan=plan)):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _metadata(plan) -> dict:
    return {
        "title": plan.title or f"ISU {plan.year} work plan and budget",
        "subject": plan.symbol or f"ISU {plan.year} work plan and budget",
        "author": DEFAULT_AUTHOR,
    }


def _render(*, plan, kind: str, html: str, context: dict) -> bytes:
    if kind == DocumentKind.PDF:
        return html_to_pdf(html, lang="en", **_metadata(plan))
    from reporting.docx import workplan_docx

    return workplan_docx(context=context, **_metadata(plan))


def _write(relative: str, content: bytes) -> None:
    """Atomic write: a reader never sees half a file, and two renders of the same content
    write the same bytes to the same name."""
    target = Path(str(settings.DOCUMENTS_ROOT)) / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".rendering-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def workplan_document_get_or_render(*, plan, kind: str = DocumentKind.PDF) -> RenderedDocument:
    """The stored document of `plan` as it reads now. Renders only when no file holds this
    exact content (same HTML, stylesheets, fonts, kind and renderer version); returns the
    existing RenderedDocument otherwise, found first by the cheap data fingerprint (no HTML
    rendering: the fast path of a cached download) and else by the full hash. Never deletes
    or overwrites another version's file.
    Access control is the caller's: call it only for a plan the user may read."""
    if kind not in DocumentKind.values:
        raise DomainError(f"Unknown document kind {kind!r}; expected one of {DocumentKind.values}.")
    fingerprint = _fingerprint(plan=plan, kind=kind)
    known = (
        RenderedDocument.objects.filter(plan=plan, kind=kind, fingerprint=fingerprint)
        .order_by("-id")
        .first()
    )
    if known is not None and known.absolute_path.is_file():
        return known
    context = workplan_document_context(plan=plan)
    html = workplan_document_html(plan=plan, context=context)
    key = document_hash(html=html, kind=kind)
    existing = RenderedDocument.objects.filter(hash=key).first()
    if existing is None or not existing.absolute_path.is_file():
        content = _render(plan=plan, kind=kind, html=html, context=context)
        relative = f"workplans/{plan.year}/{key}.{kind}"
        _write(relative, content)
        if existing is None:
            try:
                with transaction.atomic():
                    existing = RenderedDocument.objects.create(
                        plan=plan,
                        kind=kind,
                        hash=key,
                        path=relative,
                        size=len(content),
                        fingerprint=fingerprint,
                    )
            except IntegrityError:  # a concurrent render stored the same content first
                existing = RenderedDocument.objects.get(hash=key)
    if existing.fingerprint != fingerprint:
        # Same content reached from other data (a change the document does not show, or a
        # change undone): remember the newest data under which it is found.
        RenderedDocument.objects.filter(pk=existing.pk).update(fingerprint=fingerprint)
        existing.fingerprint = fingerprint
    return existing


def workplan_documents_render(*, plan_ids, kinds=(DocumentKind.PDF,)) -> list[RenderedDocument]:
    """Batch: the documents of several plans (idempotent; missing plans are skipped)."""
    from workplan.models import WorkPlan

    documents = []
    for plan in WorkPlan.objects.filter(pk__in=list(plan_ids)).select_related("meeting"):
        for kind in kinds:
            documents.append(workplan_document_get_or_render(plan=plan, kind=kind))
    return documents


def workplan_documents_enqueue(*, plan_ids, kinds=(DocumentKind.PDF,)) -> None:
    """Queues a batch render once the current transaction commits (so the task reads the
    committed plan)."""
    from reporting.tasks import render_workplan_documents

    plan_ids, kinds = [int(pk) for pk in plan_ids], [str(kind) for kind in kinds]
    transaction.on_commit(lambda: render_workplan_documents.delay(plan_ids, kinds))
