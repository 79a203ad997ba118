"""The 2025 budget exactly as section VI of CCM/MSP/2024/3 reads."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string

from budget.models import BudgetNote, CostLine, InKindContribution, NoteKind, StaffPosition
from budget.seed_2025 import budget_2025_load
from budget.selectors import budget_section, budget_total
from tests.factories import WorkPlanFactory

pytestmark = pytest.mark.django_db

SEED_LINES = [
    ("Salaries", Decimal("364282.00"), "364'282"),
    ("Social charges", Decimal("72856.40"), "72'856"),
    ("Communication", Decimal("20000.00"), "20'000"),
    ("Travel", Decimal("27000.00"), "27'000"),
    ("Other implementation support costs", Decimal("13000.00"), "13'000"),
]


def test_five_cost_lines_in_seed_order_with_exact_amounts(plan_2025):
    lines = budget_section(plan=plan_2025)["lines"]
    assert [(line.get_category_display(), line.amount) for line in lines] == [
        (label, amount) for label, amount, _ in SEED_LINES
    ]


def test_social_charges_are_twenty_percent_of_salaries_printed_in_whole_francs(plan_2025):
    charges = CostLine.objects.get(plan=plan_2025, category="social_charges")
    assert charges.amount == Decimal("364282") * Decimal("0.20") == Decimal("72856.40")
    html = render_to_string(
        "budget/_section_vi.html", {"plan": plan_2025, "budget": budget_section(plan=plan_2025)}
    )
    assert '<td class="num">72\'856</td>' in html
    assert "72'856.40" not in html


def test_total_is_497138(plan_2025):
    assert budget_total(plan=plan_2025) == Decimal("497138")
    assert budget_section(plan=plan_2025)["total"] == Decimal("497138")


def test_positions_in_kind_notes_and_assumptions(plan_2025):
    assert [
        (p.title, p.share_of_time, p.annual_cost)
        for p in StaffPosition.objects.filter(plan=plan_2025).order_by("position")
    ] == [
        ("Director", Decimal("100.00"), None),
        ("Implementation Support Specialist", Decimal("100.00"), None),
        ("Implementation Support Assistant", Decimal("50.00"), None),
    ]
    in_kind = InKindContribution.objects.get(plan=plan_2025)
    assert (in_kind.item, in_kind.provider) == ("Administrative Expenses", "GICHD")
    assert "rent of office, internal control system" in in_kind.description
    section = budget_section(plan=plan_2025)
    assert [note.text for note in section["notes"]] == [
        "Plans for an increase in implementation support costs on account of intensified "
        "universalisation activities.",
        "Anticipates in-country support with an average of 10 economy class flights expected "
        "(6 long haul and 4 short or medium haul).",
    ]
    assert section["notes"][1].from_travel_plan
    assert len(section["assumptions"]) == 4
    assert section["assumptions"][0].text.startswith("States Parties ensure that the funding")
    assert section["assumptions"][3].text == (
        "The GICHD in-kind contribution will be availed at levels corresponding to the "
        "approved annual work plan of the ISU."
    )


def test_fragment_prints_the_seed_table(plan_2025):
    html = render_to_string(
        "budget/_section_vi.html", {"plan": plan_2025, "budget": budget_section(plan=plan_2025)}
    )
    for label, _, printed in SEED_LINES:
        assert f'<th scope="row">{label}</th><td class="num">{printed}</td>' in html
    assert '<td class="num">497\'138</td>' in html
    assert "GICHD, in-kind" in html
    assert "Budget Notes" in html and "Assumptions" in html


def test_load_is_idempotent_and_keeps_edits(plan_2025):
    travel = CostLine.objects.get(plan=plan_2025, category="travel")
    travel.amount = Decimal("30000.00")
    travel.save()
    counts = (
        CostLine.objects.count(),
        StaffPosition.objects.count(),
        BudgetNote.objects.count(),
        InKindContribution.objects.count(),
    )
    budget_2025_load(plan=plan_2025)
    budget_2025_load(plan=plan_2025)
    assert (
        counts
        == (
            CostLine.objects.count(),
            StaffPosition.objects.count(),
            BudgetNote.objects.count(),
            InKindContribution.objects.count(),
        )
        == (5, 3, 6, 1)
    )
    assert CostLine.objects.get(plan=plan_2025, category="travel").amount == Decimal("30000.00")
    assert BudgetNote.objects.filter(kind=NoteKind.ASSUMPTION).count() == 4


def test_command_loads_onto_the_2025_plan():
    WorkPlanFactory(year=2025)
    out = StringIO()
    call_command("load_budget_2025", stdout=out)
    assert "497'138" in out.getvalue()
    call_command("load_budget_2025", stdout=StringIO())
    assert CostLine.objects.count() == 5


def test_command_without_the_plan_says_what_to_run():
    with pytest.raises(CommandError, match="run load_workplan_2025 first"):
        call_command("load_budget_2025", stdout=StringIO())
    assert CostLine.objects.count() == 0


def test_the_section_vi_fragment_costs_the_same_queries_at_any_size(
    plan_2025, django_assert_num_queries
):
    from tests.budget.factories import BudgetNoteFactory, InKindContributionFactory

    def render():
        return render_to_string(
            "budget/_section_vi.html",
            {"plan": plan_2025, "budget": budget_section(plan=plan_2025)},
        )

    with django_assert_num_queries(4):
        small = render()
    for _ in range(40):
        BudgetNoteFactory(plan=plan_2025, kind=NoteKind.ASSUMPTION)
        InKindContributionFactory(plan=plan_2025)
    with django_assert_num_queries(4):
        large = render()
    assert large.count("<li>") == small.count("<li>") + 40
