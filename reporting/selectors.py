"""Reads for official documents: what the work plan document shows, in a fixed number of
queries whatever the plan's size."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import connections
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


# Stand-ins for the plan's and its meeting's ids while the fingerprint's SQL is compiled once;
# the real ids replace them in the parameters of every execution.
_PLAN_ID, _MEETING_ID = -917_301, -917_302


def _fingerprint_queryset(plan_id: int, meeting_id: int | None):
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
            WorkPlan.objects.filter(pk=plan_id),
            Meeting.objects.filter(pk=meeting_id),
            Section.objects.filter(plan_id=plan_id),
            SubSection.objects.filter(section__plan_id=plan_id),
            Paragraph.objects.filter(section__plan_id=plan_id),
            LetteredItem.objects.filter(paragraph__section__plan_id=plan_id),
            SummaryItem.objects.filter(plan_id=plan_id),
            Outcome.objects.filter(plan_id=plan_id),
            Output.objects.filter(outcome__plan_id=plan_id),
            Activity.objects.filter(output__outcome__plan_id=plan_id),
            CostLine.objects.filter(plan_id=plan_id),
            InKindContribution.objects.filter(plan_id=plan_id),
            BudgetNote.objects.filter(plan_id=plan_id),
        )
    ]
    return querysets[0].union(*querysets[1:], all=True)


@lru_cache(maxsize=4)
def _fingerprint_sql(alias: str) -> tuple[str, tuple]:
    """The UNION ALL query compiled once per database: building thirteen querysets costs more
    than running them."""
    queryset = _fingerprint_queryset(_PLAN_ID, _MEETING_ID)
    sql, params = queryset.query.get_compiler(using=alias).as_sql()
    return sql, tuple(params)


def workplan_data_fingerprint(*, plan) -> str:
    """sha256 of every stored value the document is made from: all columns of the plan, its
    meeting, its sections, sub-sections, paragraphs, lettered items, summary items, outcomes,
    outputs, activities, cost lines, contributions in kind and budget notes (ids and positions
    included, so a move changes it even when done by bulk update without history), and the
    templates' sources. ONE query (a UNION ALL of the thirteen tables, each row's columns
    built into one text by the database) and no template rendering: the cheap key under which
    an already stored document is found. Equal fingerprints mean equal documents; unequal
    fingerprints may still render the same document (the full HTML hash decides then)."""
    alias = _database_alias()
    sql, template_params = _fingerprint_sql(alias)
    ids = {_PLAN_ID: plan.pk, _MEETING_ID: plan.meeting_id}
    params = [ids.get(p, p) if isinstance(p, int) else p for p in template_params]
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        rows = sorted(tuple(row) for row in cursor.fetchall())
    digest = hashlib.sha256(document_sources_digest().encode())
    for row in rows:
        digest.update(repr(row).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def _database_alias() -> str:
    from django.db import router

    from workplan.models import WorkPlan

    return router.db_for_read(WorkPlan)
