"""Reads for official documents: what the work plan document shows, in a fixed number of
queries whatever the plan's size."""

from __future__ import annotations

from budget.selectors import budget_section
from workplan.selectors import plan_document


def workplan_document_context(*, plan) -> dict:
    """Everything the work plan document shows: the numbered structure, section VI and the
    masthead's facts. 16 queries (12 for the structure, 4 for the budget), plus one for the
    meeting unless `plan` was read with select_related("meeting")."""
    return {
        "plan": plan,
        "document": plan_document(plan=plan),
        "budget": budget_section(plan=plan),
        "agenda_lines": [line.strip() for line in plan.agenda_item.splitlines() if line.strip()],
        "meeting": plan.meeting,
    }


def rendered_documents(*, plan, kind: str | None = None):
    from reporting.models import RenderedDocument

    documents = RenderedDocument.objects.filter(plan=plan)
    return documents.filter(kind=kind) if kind else documents
