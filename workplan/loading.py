"""Loads the 2025 work plan (CCM/MSP/2024/3) from the data the project carries."""

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction

from budget.seed_2025 import budget_2025_load
from isu_portal.errors import DomainError
from meetings.models import Meeting
from meetings.services import reference_meetings_load
from workplan import services
from workplan.models import (
    ConventionArticle,
    LapAction,
    Outcome,
    Paragraph,
    PlanStatus,
    Section,
    SummaryItem,
    SummaryKind,
    ThematicArea,
    WorkPlan,
)
from workplan.reference import reference_tables_load

DATA_FILE = Path(__file__).resolve().parent / "data" / "workplan_2025.json"

_ARTICLE_LIST = re.compile(
    r"\b[Aa]rticles?\s+(\d+(?:(?:\s*,\s*|\s+(?:and|or)\s+)(?:[Aa]rticle\s+)?\d+)*)"
)
_LAP_ACTION = re.compile(r"\bLAP Action (\d+)")


def mentioned_articles(text: str) -> set[int]:
    """Article numbers the text names: "Article 3 or Article 4", "Articles 3, 4 and 5"."""
    numbers = set()
    for match in _ARTICLE_LIST.finditer(text):
        numbers.update(int(n) for n in re.findall(r"\d+", match.group(1)))
    return numbers


def mentioned_lap_actions(text: str) -> set[int]:
    return {int(n) for n in _LAP_ACTION.findall(text)}


@dataclass(frozen=True)
class LoadResult:
    plan: WorkPlan
    created: bool


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DomainError(f"cannot read {path.name}: {exc}") from exc


@transaction.atomic
def workplan_2025_load(*, path: Path = DATA_FILE, reset: bool = False) -> LoadResult:
    """Creates the 2025 plan as the official document reads, attached to the 12MSP, as a draft.

    Idempotent: when the plan already exists its content is left as it is (it may have been
    edited since), unless `reset` asks to replace the content of a draft with the document's.
    Lettered items and activities are tagged with the Convention articles their text or their
    sub-section's thematic area names, and with the LAP actions their text names.
    """
    data = _read(path)
    reference_tables_load()
    reference_meetings_load()
    header = dict(data["plan"])
    year = header.pop("year")
    meeting = Meeting.objects.get(short_name=header.pop("meeting"))
    header["document_date"] = date.fromisoformat(header["document_date"])
    header["meeting"] = meeting
    plan = WorkPlan.objects.filter(year=year).first()
    if plan is not None and not reset:
        budget_2025_load(plan=plan)  # fills in only what the plan lacks
        return LoadResult(plan=plan, created=False)
    if plan is not None:
        if plan.status != PlanStatus.DRAFT:
            raise DomainError(f"The {year} plan is no longer a draft; it cannot be reset.")
        plan.sections.all().delete()
        plan.outcomes.all().delete()
        plan.summary_items.all().delete()
        for field, value in header.items():
            setattr(plan, field, value)
        plan.version += 1
        plan._change_reason = "reset to the official document"
        plan.save()
    else:
        plan = WorkPlan(year=year, status=PlanStatus.DRAFT, **header)
        plan._change_reason = "loaded from the official document"
        plan.save()

    def add(obj):
        obj._change_reason = "loaded from the official document"
        obj.save()
        return obj

    for kind, key in (
        (SummaryKind.SPECIFIC_OBJECTIVE, "specific_objectives"),
        (SummaryKind.EXPECTED_OUTCOME, "expected_outcomes"),
    ):
        for position, text in enumerate(data[key], start=1):
            add(SummaryItem(plan=plan, kind=kind, text=text, position=position))

    articles = {a.number: a for a in ConventionArticle.objects.all()}
    actions = {a.number: a for a in LapAction.objects.all()}
    areas = {a.code: a for a in ThematicArea.objects.select_related("article")}

    def tag(obj, text: str, extra_article: ConventionArticle | None = None):
        numbers = mentioned_articles(text)
        tagged = [articles[n] for n in sorted(numbers) if n in articles]
        if extra_article is not None and extra_article not in tagged:
            tagged.append(extra_article)
        obj.articles.set(tagged)
        obj.lap_actions.set([actions[n] for n in mentioned_lap_actions(text) if n in actions])

    def add_paragraphs(section, subsection, paragraphs, area_article):
        for position, spec in enumerate(paragraphs, start=1):
            paragraph = add(
                Paragraph(
                    section=section,
                    subsection=subsection,
                    text=services.clean_text(spec["text"], label="paragraph"),
                    position=position,
                )
            )
            for item_position, item_spec in enumerate(spec["items"], start=1):
                item = add(
                    paragraph.items.model(
                        paragraph=paragraph,
                        text=services.clean_text(item_spec["text"], label="lettered item"),
                        position=item_position,
                    )
                )
                tag(item, item.text, area_article)

    for position, spec in enumerate(data["sections"], start=1):
        section = add(Section(plan=plan, title=spec["title"], kind=spec["kind"], position=position))
        add_paragraphs(section, None, spec["paragraphs"], None)
        for sub_position, sub_spec in enumerate(spec["subsections"], start=1):
            area = areas[sub_spec["thematic_area"]]
            subsection = add(
                section.subsections.model(
                    section=section,
                    title=sub_spec["title"],
                    thematic_area=area,
                    position=sub_position,
                )
            )
            add_paragraphs(section, subsection, sub_spec["paragraphs"], area.article)

    for position, spec in enumerate(data["outcomes"], start=1):
        outcome = add(Outcome(plan=plan, text=spec["text"], position=position))
        for output_position, output_spec in enumerate(spec["outputs"], start=1):
            output = add(
                outcome.outputs.model(
                    outcome=outcome, text=output_spec["text"], position=output_position
                )
            )
            for activity_position, activity_spec in enumerate(output_spec["activities"], start=1):
                activity = add(
                    output.activities.model(
                        output=output, text=activity_spec["text"], position=activity_position
                    )
                )
                tag(activity, activity.text)
    # Section VI: the cost lines, positions, in-kind row, budget notes and assumptions.
    budget_2025_load(plan=plan)
    return LoadResult(plan=plan, created=True)
