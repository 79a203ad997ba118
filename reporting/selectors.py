"""Reads for official documents: what the work plan document shows, in a fixed number of
queries whatever the plan's size."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db.models import F, Func, TextField, Value

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


# Files whose content decides how the data reads in the document, besides the stylesheets and
# fonts (reporting.services.ASSETS): the templates and the filters they use.
DOCUMENT_SOURCES = (
    "templates/documents/base.html",
    "templates/documents/workplan.html",
    "templates/documents/_workplan_body.html",
    "templates/documents/_workplan_paragraphs.html",
    "workplan/templatetags/workplan_tags.py",
    "budget/templatetags/chf.py",
    "budget/formatting.py",
    "workplan/numbering.py",
    "reporting/docx.py",
)


@lru_cache(maxsize=1)
def document_sources_digest() -> str:
    digest = hashlib.sha256()
    for name in DOCUMENT_SOURCES:
        digest.update(name.encode())
        digest.update((Path(settings.BASE_DIR) / name).read_bytes())
    return digest.hexdigest()


class _JsonRow(Func):
    """The row's columns as a JSON array built by the database (json_array in SQLite,
    json_build_array in PostgreSQL): types and NULLs kept apart, no nesting depth."""

    function = "JSON_ARRAY"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="JSON_BUILD_ARRAY",
            template="%(function)s(%(expressions)s)::text",
            **extra_context,
        )


def _row_text(model):
    """All the model's columns as one text value, computed by the database."""
    return _JsonRow(*[F(field.attname) for field in model._meta.concrete_fields])


def workplan_data_fingerprint(*, plan) -> str:
    """sha256 of every stored value the document is made from: all columns of the plan, its
    meeting, its sections, sub-sections, paragraphs, lettered items, summary items, outcomes,
    outputs, activities, cost lines, contributions in kind and budget notes (ids and positions
    included, so a move changes it even when done by bulk update without history), and the
    templates' sources. ONE query (a UNION ALL of the thirteen tables, each row's columns
    built into one text by the database) and no template rendering: the cheap key under which an
    already stored document is found. Equal fingerprints mean equal documents; unequal
    fingerprints may still render the same document (the full HTML hash decides then)."""
    from budget.models import BudgetNote, CostLine, InKindContribution
    from meetings.models import Meeting
    from workplan.models import (
        Activity,
        LetteredItem,
        Outcome,
        Output,
        Paragraph,
        Section,
        SubSection,
        SummaryItem,
        WorkPlan,
    )

    querysets = [
        queryset.order_by()
        .annotate(
            fingerprint_table=Value(queryset.model._meta.label, output_field=TextField()),
            fingerprint_row=_row_text(queryset.model),
        )
        .values_list("fingerprint_table", "pk", "fingerprint_row")
        for queryset in (
            WorkPlan.objects.filter(pk=plan.pk),
            Meeting.objects.filter(pk=plan.meeting_id),
            Section.objects.filter(plan=plan),
            SubSection.objects.filter(section__plan=plan),
            Paragraph.objects.filter(section__plan=plan),
            LetteredItem.objects.filter(paragraph__section__plan=plan),
            SummaryItem.objects.filter(plan=plan),
            Outcome.objects.filter(plan=plan),
            Output.objects.filter(outcome__plan=plan),
            Activity.objects.filter(output__outcome__plan=plan),
            CostLine.objects.filter(plan=plan),
            InKindContribution.objects.filter(plan=plan),
            BudgetNote.objects.filter(plan=plan),
        )
    ]
    rows = sorted(querysets[0].union(*querysets[1:], all=True))
    digest = hashlib.sha256(document_sources_digest().encode())
    for row in rows:
        digest.update(repr(row).encode())
        digest.update(b"\n")
    return digest.hexdigest()
