"""Reads of work plans. `plan_document` assembles a whole plan in a fixed number of queries,
whatever its size, with the numbers and letters computed from the order of the records."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from accounts import access
from workplan.models import (
    Activity,
    LetteredItem,
    Outcome,
    Output,
    Paragraph,
    Section,
    SectionKind,
    SubSection,
    SummaryItem,
    SummaryKind,
    WorkPlan,
)
from workplan.numbering import letter, roman


def plans_visible(*, user, year: int | None = None, status: str | None = None):
    """The plans `user` may read, newest first, as a queryset."""
    plans = WorkPlan.objects.select_related("meeting").order_by("-year")
    statuses = access.workplan_statuses_visible(user)
    if statuses is not None:
        plans = plans.filter(status__in=statuses)
    if year:
        plans = plans.filter(year=year)
    if status:
        plans = plans.filter(status=status)
    return plans


def plan_for_year(*, year: int, user) -> WorkPlan:
    """The plan of `year` if `user` may read it; WorkPlan.DoesNotExist otherwise, so that a
    plan someone may not see is indistinguishable from a plan that does not exist."""
    plan = WorkPlan.objects.select_related("meeting").get(year=year)
    if not access.can_view_workplan(user, plan):
        raise WorkPlan.DoesNotExist
    return plan


def plan_counts(*, plan: WorkPlan) -> dict[str, int]:
    return {
        "paragraphs": Paragraph.objects.filter(section__plan=plan).count(),
        "lettered items": LetteredItem.objects.filter(paragraph__section__plan=plan).count(),
        "outcomes": Outcome.objects.filter(plan=plan).count(),
        "outputs": Output.objects.filter(outcome__plan=plan).count(),
        "activities": Activity.objects.filter(output__outcome__plan=plan).count(),
    }


@dataclass
class PlanDocument:
    """A plan as the document reads: every part carries its computed number or letter."""

    plan: WorkPlan
    sections: list[Section]
    specific_objectives: list[SummaryItem]
    expected_outcomes: list[SummaryItem]
    outcomes: list[Outcome]
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def results_section(self) -> Section | None:
        return next((s for s in self.sections if s.kind == SectionKind.RESULTS), None)


_TAGS = (
    Prefetch("articles", to_attr="article_list"),
    Prefetch("lap_actions", to_attr="lap_action_list"),
)


def plan_document(*, plan: WorkPlan) -> PlanDocument:
    """The whole structure of `plan` in 12 queries, independent of its size.

    Sections get `.numeral` and `.direct_paragraphs`/`.subsection_list`; sub-sections `.letter`
    and `.paragraph_list`; paragraphs `.number` (consecutive through the document) and
    `.item_list`; lettered items `.letter`; outcomes `.number` and `.output_list`; outputs
    `.number` ("1.2") and `.activity_list`; activities `.number` ("1.2.3").
    """
    sections = list(Section.objects.filter(plan=plan).order_by("position", "id"))
    subsections = list(
        SubSection.objects.filter(section__plan=plan)
        .select_related("thematic_area__article")
        .order_by("position", "id")
    )
    paragraphs = list(Paragraph.objects.filter(section__plan=plan).order_by("position", "id"))
    items = list(
        LetteredItem.objects.filter(paragraph__section__plan=plan)
        .prefetch_related(*_TAGS)
        .order_by("position", "id")
    )
    summary = list(SummaryItem.objects.filter(plan=plan).order_by("position", "id"))
    outcomes = list(Outcome.objects.filter(plan=plan).order_by("position", "id"))
    outputs = list(Output.objects.filter(outcome__plan=plan).order_by("position", "id"))
    activities = list(
        Activity.objects.filter(output__outcome__plan=plan)
        .prefetch_related(*_TAGS)
        .order_by("position", "id")
    )

    items_by_paragraph = defaultdict(list)
    for item in items:
        items_by_paragraph[item.paragraph_id].append(item)
    direct = defaultdict(list)
    in_subsection = defaultdict(list)
    for paragraph in paragraphs:
        paragraph.item_list = items_by_paragraph[paragraph.pk]
        paragraph.ref = f"paragraph-{paragraph.pk}"
        for index, item in enumerate(paragraph.item_list, start=1):
            item.letter = letter(index)
        if paragraph.subsection_id:
            in_subsection[paragraph.subsection_id].append(paragraph)
        else:
            direct[paragraph.section_id].append(paragraph)
    subsections_by_section = defaultdict(list)
    for subsection in subsections:
        subsections_by_section[subsection.section_id].append(subsection)

    ordered_paragraphs = []
    for index, section in enumerate(sections, start=1):
        section.numeral = roman(index)
        section.ref = f"section-{section.pk}"
        section.direct_paragraphs = direct[section.pk]
        section.subsection_list = subsections_by_section[section.pk]
        ordered_paragraphs.extend(section.direct_paragraphs)
        for sub_index, subsection in enumerate(section.subsection_list, start=1):
            subsection.letter = letter(sub_index, upper=True)
            subsection.ref = f"subsection-{subsection.pk}"
            subsection.paragraph_list = in_subsection[subsection.pk]
            ordered_paragraphs.extend(subsection.paragraph_list)
    for number, paragraph in enumerate(ordered_paragraphs, start=1):
        paragraph.number = number

    activities_by_output = defaultdict(list)
    for activity in activities:
        activities_by_output[activity.output_id].append(activity)
    outputs_by_outcome = defaultdict(list)
    for output in outputs:
        outputs_by_outcome[output.outcome_id].append(output)
    for index, outcome in enumerate(outcomes, start=1):
        outcome.number = str(index)
        outcome.ref = f"outcome-{outcome.pk}"
        outcome.output_list = outputs_by_outcome[outcome.pk]
        for output_index, output in enumerate(outcome.output_list, start=1):
            output.number = f"{index}.{output_index}"
            output.ref = f"output-{output.pk}"
            output.activity_list = activities_by_output[output.pk]
            for activity_index, activity in enumerate(output.activity_list, start=1):
                activity.number = f"{output.number}.{activity_index}"

    return PlanDocument(
        plan=plan,
        sections=sections,
        specific_objectives=[s for s in summary if s.kind == SummaryKind.SPECIFIC_OBJECTIVE],
        expected_outcomes=[s for s in summary if s.kind == SummaryKind.EXPECTED_OUTCOME],
        outcomes=outcomes,
        paragraphs=ordered_paragraphs,
    )
