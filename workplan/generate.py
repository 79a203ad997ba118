"""Synthetic plans of any size, shaped like the 2025 plan, for benchmarks and query-count tests.

Written with bulk inserts (no history) because they are measuring instruments, not content."""

from django.db import transaction

from workplan.models import (
    Activity,
    ConventionArticle,
    LapAction,
    LetteredItem,
    Outcome,
    Output,
    Paragraph,
    PlanStatus,
    Section,
    SectionKind,
    SubSection,
    SummaryItem,
    SummaryKind,
    ThematicArea,
    WorkPlan,
)
from workplan.reference import reference_tables_load

WORDS = [
    "support",
    "States",
    "Parties",
    "in",
    "the",
    "implementation",
    "of",
    "the",
    "Convention",
    "through",
    "advice,",
    "meetings,",
    "records",
    "and",
    "cooperation",
    "with",
    "relevant",
    "partners",
]


def _text(n: int, words: int = 18) -> str:
    return " ".join(WORDS[(n + i) % len(WORDS)] for i in range(words)).capitalize() + "."


@transaction.atomic
def generated_plan_create(*, year: int, scale: int = 1, status: str = PlanStatus.DRAFT) -> WorkPlan:
    """A plan about `scale` times the size of the 2025 plan (19 paragraphs, 61 lettered items,
    6 outcomes, 12 outputs, 39 activities at scale 1), every item and activity tagged."""
    reference_tables_load()
    plan = WorkPlan.objects.create(
        year=year,
        title=f"Implementation Support Unit {year} Work Plan and Budget",
        symbol=f"CCM/MSP/{year - 1}/3",
        main_objective=_text(year, 40),
        status=status,
    )
    SummaryItem.objects.bulk_create(
        [
            SummaryItem(plan=plan, kind=kind, text=_text(i), position=i)
            for kind, count in (
                (SummaryKind.SPECIFIC_OBJECTIVE, 9),
                (SummaryKind.EXPECTED_OUTCOME, 8),
            )
            for i in range(1, count * scale + 1)
        ]
    )
    kinds = [SectionKind.PARAGRAPHS] * 4 + [SectionKind.RESULTS, SectionKind.BUDGET]
    sections = Section.objects.bulk_create(
        [
            Section(plan=plan, title=f"Section {i}", kind=kind, position=i)
            for i, kind in enumerate(kinds, start=1)
        ]
    )
    sections = list(Section.objects.filter(plan=plan).order_by("position"))
    areas = list(ThematicArea.objects.order_by("position"))
    subsections = SubSection.objects.bulk_create(
        [
            SubSection(
                section=sections[2],
                title=f"Support {i}",
                thematic_area=areas[(i - 1) % len(areas)],
                position=i,
            )
            for i in range(1, 10 * scale + 1)
        ]
    )
    subsections = list(SubSection.objects.filter(section=sections[2]).order_by("position"))
    paragraphs = [
        Paragraph(section=sections[0], text=_text(i), position=i) for i in range(1, scale + 1)
    ]
    paragraphs += [
        Paragraph(section=sections[1], text=_text(i, 60), position=i)
        for i in range(1, 2 * scale + 1)
    ]
    paragraphs += [
        Paragraph(section=sections[2], subsection=sub, text=_text(sub.position), position=1)
        for sub in subsections
    ]
    paragraphs += [
        Paragraph(section=sections[3], text=_text(i), position=i) for i in range(1, 6 * scale + 1)
    ]
    Paragraph.objects.bulk_create(paragraphs)
    paragraphs = list(
        Paragraph.objects.filter(section__plan=plan, section__position__in=(1, 3)).order_by("id")
    )
    # Section I's paragraph has (a) to (g); section III's sub-sections 6,6,6,7,5,4,5,5,5,5.
    per_subsection = [6, 6, 6, 7, 5, 4, 5, 5, 5, 5]
    items = [
        LetteredItem(paragraph=paragraph, text=_text(i), position=i)
        for n, paragraph in enumerate(paragraphs)
        for i in range(
            1,
            (7 if paragraph.section_id == sections[0].pk else per_subsection[n % 10]) + 1,
        )
    ]
    LetteredItem.objects.bulk_create(items)
    outcomes = Outcome.objects.bulk_create(
        [Outcome(plan=plan, text=_text(i, 30), position=i) for i in range(1, 6 * scale + 1)]
    )
    outcomes = list(Outcome.objects.filter(plan=plan))
    Output.objects.bulk_create(
        [Output(outcome=o, text=_text(i, 25), position=i) for o in outcomes for i in (1, 2)]
    )
    outputs = list(Output.objects.filter(outcome__plan=plan).order_by("id"))
    Activity.objects.bulk_create(
        [
            Activity(output=output, text=_text(i, 22), position=i)
            for n, output in enumerate(outputs)
            for i in range(1, (4 if n % 4 == 0 else 3) + 1)
        ]
    )
    articles = list(ConventionArticle.objects.all())
    actions = list(LapAction.objects.all())
    for model in (LetteredItem, Activity):
        if model is LetteredItem:
            parts = list(LetteredItem.objects.filter(paragraph__section__plan=plan))
            fk = "lettereditem_id"
        else:
            parts = list(Activity.objects.filter(output__outcome__plan=plan))
            fk = "activity_id"
        model.articles.through.objects.bulk_create(
            [
                model.articles.through(**{fk: p.pk, "conventionarticle_id": articles[n % 9].pk})
                for n, p in enumerate(parts)
            ]
        )
        model.lap_actions.through.objects.bulk_create(
            [
                model.lap_actions.through(**{fk: p.pk, "lapaction_id": actions[n % 50].pk})
                for n, p in enumerate(parts)
            ]
        )
    return plan
