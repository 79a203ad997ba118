"""The work plan's official document as a page, a PDF and a Word file. A plan the visitor may
not read is a 404 and nothing is rendered or stored for it."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from reporting.models import DocumentKind
from reporting.selectors import workplan_document_context
from reporting.services import workplan_document_get_or_render
from workplan.models import WorkPlan
from workplan.selectors import plan_for_year

CONTENT_TYPES = {
    DocumentKind.PDF: "application/pdf",
    DocumentKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _plan(request, year: int) -> WorkPlan:
    try:
        return plan_for_year(year=year, user=request.user)
    except WorkPlan.DoesNotExist as exc:
        raise Http404("No such work plan") from exc


@require_safe
def workplan_document(request, year: int):
    plan = _plan(request, year)
    return render(request, "reporting/workplan_document.html", workplan_document_context(plan=plan))


def _file(request, year: int, kind: str):
    plan = _plan(request, year)
    document = workplan_document_get_or_render(plan=plan, kind=kind)
    filename = f"{slugify(plan.symbol.replace('/', '-')) or f'isu-work-plan-{plan.year}'}.{kind}"
    response = FileResponse(
        document.absolute_path.open("rb"),
        content_type=CONTENT_TYPES[kind],
        as_attachment=kind == DocumentKind.DOCX,
        filename=filename,
    )
    # The content hash names exactly what the file shows.
    response["ETag"] = f'"{document.hash}"'
    response["Cache-Control"] = "private, no-cache"
    return response


@require_safe
def workplan_pdf(request, year: int):
    return _file(request, year, DocumentKind.PDF)


@require_safe
def workplan_docx(request, year: int):
    return _file(request, year, DocumentKind.DOCX)
