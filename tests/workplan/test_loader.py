"""The 2025 plan as the official document reads (CCM/MSP/2024/3)."""

import io
import json

import pytest
from django.core.management import call_command

from meetings.models import Meeting
from workplan.loading import DATA_FILE, mentioned_articles, workplan_2025_load
from workplan.models import (
    Activity,
    LetteredItem,
    Outcome,
    Output,
    Paragraph,
    PlanStatus,
    SectionKind,
    SubSection,
    SummaryItem,
    WorkPlan,
)
from workplan.selectors import plan_counts, plan_document

pytestmark = pytest.mark.django_db


def test_counts_of_the_2025_plan(plan_2025):
    assert plan_counts(plan=plan_2025) == {
        "paragraphs": 19,
        "lettered items": 7 + 6 + 6 + 6 + 7 + 5 + 4 + 5 + 5 + 5 + 5,
        "outcomes": 6,
        "outputs": 12,
        "activities": 39,
    }
    document = plan_document(plan=plan_2025)
    assert [p.number for p in document.paragraphs] == list(range(1, 20))
    mandate = document.sections[0].direct_paragraphs[0]
    assert [i.letter for i in mandate.item_list] == list("abcdefg")
    priorities = document.sections[2]
    assert [s.letter for s in priorities.subsection_list] == list("ABCDEFGHIJ")
    assert [len(s.paragraph_list[0].item_list) for s in priorities.subsection_list] == [
        6, 6, 6, 7, 5, 4, 5, 5, 5, 5,
    ]  # fmt: skip
    assert [s.paragraph_list[0].number for s in priorities.subsection_list] == list(range(4, 14))
    assert [o.number for o in document.outcomes] == ["1", "2", "3", "4", "5", "6"]
    assert all(len(o.output_list) == 2 for o in document.outcomes)
    assert [len(p.activity_list) for o in document.outcomes for p in o.output_list] == [
        4, 4, 3, 4, 4, 2, 4, 3, 3, 2, 3, 3,
    ]  # fmt: skip


def test_sections_and_header(plan_2025):
    document = plan_document(plan=plan_2025)
    assert [(s.numeral, s.title, s.kind) for s in document.sections] == [
        ("I", "Mandate of the Implementation Support Unit", SectionKind.PARAGRAPHS),
        ("II", "Premise of the 2025 Work Plan", SectionKind.PARAGRAPHS),
        ("III", "Priorities of the Implementation Support Unit", SectionKind.PARAGRAPHS),
        ("IV", "Expected outcomes", SectionKind.PARAGRAPHS),
        ("V", "2025 Outcomes, outputs and activities", SectionKind.RESULTS),
        ("VI", "2025 Budget of the Implementation Support Unit", SectionKind.BUDGET),
    ]
    plan = plan_2025
    assert plan.symbol == "CCM/MSP/2024/3"
    assert plan.document_date.isoformat() == "2024-06-14"
    assert plan.status == PlanStatus.DRAFT
    assert plan.meeting == Meeting.objects.get(short_name="12MSP")
    assert plan.agenda_item.startswith("Item 10(i) of the provisional agenda\nReview of the status")
    assert plan.title_footnote == "The present document is being issued without formal editing."
    assert plan.main_objective.startswith("Support States Parties to the CCM")
    assert len(document.specific_objectives) == 9
    assert len(document.expected_outcomes) == 8
    areas = [s.thematic_area.code for s in SubSection.objects.order_by("position")]
    assert areas[2:8] == [
        "stockpile-destruction", "clearance", "victim-assistance",
        "cooperation-assistance", "transparency", "national-implementation",
    ]  # fmt: skip


def test_debris_is_corrected(plan_2025):
    fourth = Outcome.objects.get(plan=plan_2025, position=4)
    assert fourth.text == (
        "States Parties have acted on their obligations and commitments under the convention as "
        "elaborated by the Lausanne Action Plan and have reported on them as required by the "
        "Convention."
    )
    texts = " ".join(
        list(Paragraph.objects.values_list("text", flat=True))
        + list(LetteredItem.objects.values_list("text", flat=True))
        + list(Activity.objects.values_list("text", flat=True))
        + list(Output.objects.values_list("text", flat=True))
        + list(SummaryItem.objects.values_list("text", flat=True))
    )
    for debris in ("CCM/MSP/2024/3", "24/3", "^{*}", "\t", "\u2022", " neir ", "(c) Manage"):
        assert debris not in texts
    communication = Paragraph.objects.get(text__startswith="In addition to acting")
    letters = list(communication.items.order_by("position").values_list("text", flat=True))
    assert letters[1].endswith("maintain public relations;")
    assert letters[2] == (
        "Manage procedural aspects of the Coordinators' work, including reminder "
        "communications and follow ups;"
    )


def test_text_is_word_for_word():
    """The carried data holds each paragraph exactly as the document (spot checks)."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    premise = data["sections"][1]["paragraphs"][0]["text"]
    assert premise.startswith("In accordance with the decision (CCM/CONF/2021/6 para.83)")
    assert premise.endswith("considered and approved by States Parties during the 2RC.")
    assert data["outcomes"][3]["outputs"][0]["activities"][2]["text"] == (
        "Support the preparation and timely submission of high-quality transparency reports"
    )


def test_loader_is_idempotent(plan_2025):
    before = plan_counts(plan=plan_2025)
    out = io.StringIO()
    call_command("load_workplan_2025", stdout=out)
    assert "left unchanged" in out.getvalue()
    assert WorkPlan.objects.count() == 1
    assert plan_counts(plan=plan_2025) == before


def test_reset_restores_the_document(plan_2025):
    Activity.objects.filter(output__outcome__plan=plan_2025).first().delete()
    result = workplan_2025_load(reset=True)
    assert plan_counts(plan=result.plan)["activities"] == 39
    assert WorkPlan.objects.count() == 1


def test_tags(plan_2025):
    item = LetteredItem.objects.get(text__contains="LAP Action 46")
    assert [a.number for a in item.lap_actions.all()] == [46]
    assert [a.number for a in item.articles.all()] == [7]
    coalition = LetteredItem.objects.get(text__contains="country coalitions")
    assert sorted(a.number for a in coalition.articles.all()) == [3, 4, 5, 6]
    target = Activity.objects.get(text__startswith="Target participation")
    assert sorted(a.number for a in target.articles.all()) == [3, 4]


def test_mentioned_articles():
    assert mentioned_articles("Article 3 or Article 4") == {3, 4}
    assert mentioned_articles("under Articles 3, 4 and 5 through") == {3, 4, 5}
    assert mentioned_articles("article 3 and 4 obligations") == {3, 4}
    assert mentioned_articles("paragraph 9 of the Lausanne Declaration") == set()


def test_the_loader_also_creates_section_vi(plan_2025):
    """load_workplan_2025 creates the whole document: five cost lines totalling 497'138, the
    in-kind row, two budget notes and four assumptions; the summary figure is that total."""
    from decimal import Decimal

    from budget.models import BudgetNote, CostLine, InKindContribution, NoteKind
    from budget.selectors import budget_section, budget_total

    lines = list(CostLine.objects.filter(plan=plan_2025).order_by("position"))
    assert [line.category for line in lines] == [
        "salaries", "social_charges", "communication", "travel", "other",
    ]  # fmt: skip
    assert budget_total(plan=plan_2025) == Decimal("497138")
    assert budget_section(plan=plan_2025)["total"] == Decimal("497138")
    assert InKindContribution.objects.filter(plan=plan_2025).count() == 1
    notes = BudgetNote.objects.filter(plan=plan_2025)
    assert notes.filter(kind=NoteKind.NOTE).count() == 2
    assert notes.filter(kind=NoteKind.ASSUMPTION).count() == 4


def test_new_plan_from_the_previous_year_copies_the_budget(plan_2025):
    from decimal import Decimal

    from budget.selectors import budget_total
    from workplan.services import plan_copy_to_next_year

    plan_2026 = plan_copy_to_next_year(source=plan_2025)
    assert plan_2026.status == PlanStatus.DRAFT
    assert budget_total(plan=plan_2026) == Decimal("497138")
    assert plan_counts(plan=plan_2026) == plan_counts(plan=plan_2025)
