"""Writes: derived lines follow, stale versions are refused, bad input changes nothing."""

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budget import services
from budget.models import BudgetNote, BudgetParameters, CostLine, NoteKind, StaffPosition
from budget.selectors import budget_section, budget_total
from isu_portal.errors import DomainError
from tests.budget.factories import BudgetParametersFactory, StaffPositionFactory
from tests.factories import CostLineFactory, WorkPlanFactory
from workplan.models import PlanStatus

pytestmark = pytest.mark.django_db
D = Decimal


def line(plan, category):
    return CostLine.objects.get(plan=plan, category=category)


def snapshot(plan):
    return (
        list(
            CostLine.objects.filter(plan=plan).values_list("category", "amount", "note", "version")
        ),
        list(
            StaffPosition.objects.filter(plan=plan).values_list("title", "annual_cost", "version")
        ),
        list(BudgetNote.objects.filter(plan=plan).values_list("kind", "text", "position")),
        list(
            BudgetParameters.objects.filter(plan=plan).values_list("social_charges_rate", "version")
        ),
    )


def test_changing_travel_moves_the_total(plan_2025):
    travel = line(plan_2025, "travel")
    updated = services.cost_line_update(
        line=travel, amount="30'000", note=travel.note, expected_version=travel.version
    )
    assert updated.amount == D("30000.00")
    assert updated.version == travel.version + 1
    assert budget_total(plan=plan_2025) == D("500138")


def test_changing_salaries_moves_social_charges(plan_2025):
    salaries = line(plan_2025, "salaries")
    services.cost_line_update(
        line=salaries, amount=D("400000"), note=salaries.note, expected_version=salaries.version
    )
    assert line(plan_2025, "social_charges").amount == D("80000.00")
    assert budget_total(plan=plan_2025) == D("400000") + D("80000") + D("60000")


def test_social_charges_refuse_a_typed_amount(plan_2025):
    charges = line(plan_2025, "social_charges")
    before = snapshot(plan_2025)
    with pytest.raises(DomainError, match="change the rate instead"):
        services.cost_line_update(
            line=charges, amount=D("1"), note="", expected_version=charges.version
        )
    assert snapshot(plan_2025) == before
    # The note of a derived line can still be edited.
    services.cost_line_update(
        line=charges, amount=charges.amount, note="New note", expected_version=charges.version
    )
    assert line(plan_2025, "social_charges").note == "New note"


def test_changing_the_rate_rewrites_social_charges(plan_2025):
    parameters = BudgetParameters.objects.get(plan=plan_2025)
    services.budget_parameters_update(
        plan=plan_2025,
        social_charges_rate="22.5",
        long_haul_flights=6,
        short_or_medium_haul_flights=4,
        expected_version=parameters.version,
    )
    # 364'282 x 22.5% = 81'963.45
    assert line(plan_2025, "social_charges").amount == D("81963.45")
    assert budget_total(plan=plan_2025) == D("497138") - D("72856") + D("81963")


def test_removing_the_rate_makes_social_charges_typed(plan_2025):
    services.budget_parameters_update(
        plan=plan_2025,
        social_charges_rate=None,
        long_haul_flights=6,
        short_or_medium_haul_flights=4,
    )
    charges = line(plan_2025, "social_charges")
    services.cost_line_update(
        line=charges, amount="70000", note="", expected_version=charges.version
    )
    assert line(plan_2025, "social_charges").amount == D("70000.00")


def test_costed_positions_make_salaries_their_sum(plan_2025):
    positions = list(StaffPosition.objects.filter(plan=plan_2025).order_by("position"))
    costs = [D("160000"), D("130000.50"), D("74281.50")]
    for position, cost in zip(positions[:2], costs[:2], strict=True):
        services.staff_position_update(
            position=position,
            title=position.title,
            share_of_time=position.share_of_time,
            annual_cost=cost,
            expected_version=position.version,
        )
    # Two of three costed: Salaries stays typed.
    assert line(plan_2025, "salaries").amount == D("364282.00")
    services.staff_position_update(
        position=positions[2],
        title=positions[2].title,
        share_of_time=positions[2].share_of_time,
        annual_cost=costs[2],
        expected_version=positions[2].version,
    )
    assert line(plan_2025, "salaries").amount == D("364282.00")
    services.staff_position_update(
        position=positions[2],
        title=positions[2].title,
        share_of_time=positions[2].share_of_time,
        annual_cost=D("84281.50"),
        expected_version=positions[2].version + 1,
    )
    assert line(plan_2025, "salaries").amount == D("374282.00")
    assert line(plan_2025, "social_charges").amount == D("74856.40")
    assert budget_total(plan=plan_2025) == D("374282") + D("74856") + D("60000")
    salaries = line(plan_2025, "salaries")
    with pytest.raises(DomainError, match="sum of the costed positions"):
        services.cost_line_update(
            line=salaries, amount="1", note="", expected_version=salaries.version
        )


def test_a_stale_save_is_refused_and_shows_the_newer_value(plan_2025):
    travel = line(plan_2025, "travel")
    read_version = travel.version
    services.cost_line_update(
        line=travel, amount="31000", note="First writer", expected_version=read_version
    )
    with pytest.raises(DomainError) as error:
        services.cost_line_update(
            line=travel, amount="25000", note="Second writer", expected_version=read_version
        )
    assert "Travel CHF 31'000 (First writer)" in error.value.messages[0]
    assert line(plan_2025, "travel").amount == D("31000.00")
    assert line(plan_2025, "travel").note == "First writer"


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("", "enter an amount"),
        ("abc", "is not an amount"),
        ("-5", "cannot be negative"),
        ("1.234", "two decimals"),
        ("NaN", "is not an amount"),
        ("99999999999", "too large"),
    ],
)
def test_bad_amounts_change_nothing(plan_2025, amount, message):
    travel = line(plan_2025, "travel")
    before = snapshot(plan_2025)
    with pytest.raises(DomainError, match=message):
        services.cost_line_update(
            line=travel, amount=amount, note="x", expected_version=travel.version
        )
    assert snapshot(plan_2025) == before


def test_an_over_long_note_changes_nothing(plan_2025):
    travel = line(plan_2025, "travel")
    before = snapshot(plan_2025)
    with pytest.raises(DomainError, match="at most 2000"):
        services.cost_line_update(
            line=travel, amount="1", note="x" * 2001, expected_version=travel.version
        )
    assert snapshot(plan_2025) == before


def test_a_plan_that_is_not_a_draft_cannot_change(plan_2025):
    plan_2025.status = PlanStatus.APPROVED
    plan_2025.save()
    travel = line(plan_2025, "travel")
    before = snapshot(plan_2025)
    with pytest.raises(DomainError, match="only a draft"):
        services.cost_line_update(line=travel, amount="1", note="", expected_version=travel.version)
    with pytest.raises(DomainError, match="only a draft"):
        services.budget_note_create(plan=plan_2025, kind="note", text="New")
    assert snapshot(plan_2025) == before


def test_one_line_per_category(plan_2025):
    with pytest.raises(DomainError, match="already has a Travel line"):
        services.cost_line_create(plan=plan_2025, category="travel", amount="1")
    with pytest.raises(DomainError, match="not a cost category"):
        services.cost_line_create(plan=plan_2025, category="rent", amount="1")


def test_new_lines_take_the_seed_order():
    plan = WorkPlanFactory()
    services.cost_line_create(plan=plan, category="other", amount="13000")
    services.cost_line_create(plan=plan, category="salaries", amount="1000")
    services.cost_line_create(plan=plan, category="travel", amount="2000")
    assert [x.category for x in budget_section(plan=plan)["lines"]] == [
        "salaries",
        "travel",
        "other",
    ]


def test_setting_a_rate_creates_the_social_charges_line():
    plan = WorkPlanFactory()
    services.cost_line_create(plan=plan, category="salaries", amount="1000.05")
    services.budget_parameters_update(
        plan=plan, social_charges_rate="10", long_haul_flights=0, short_or_medium_haul_flights=0
    )
    assert line(plan, "social_charges").amount == D("100.01")
    assert budget_total(plan=plan) == D("1100")


def test_travel_plan_rewrites_the_travel_note(plan_2025):
    parameters = BudgetParameters.objects.get(plan=plan_2025)
    services.budget_parameters_update(
        plan=plan_2025,
        social_charges_rate=parameters.social_charges_rate,
        long_haul_flights=8,
        short_or_medium_haul_flights=5,
        expected_version=parameters.version,
    )
    note = BudgetNote.objects.get(plan=plan_2025, from_travel_plan=True)
    assert note.text == (
        "Anticipates in-country support with an average of 13 economy class flights expected "
        "(8 long haul and 5 short or medium haul)."
    )
    with pytest.raises(DomainError, match="written from the travel plan"):
        services.budget_note_update(note=note, text="Typed", expected_version=note.version)


def test_bad_parameters_change_nothing(plan_2025):
    before = snapshot(plan_2025)
    for kwargs, message in [
        ({"social_charges_rate": "120"}, "percentage from 0% to 100%"),
        ({"social_charges_rate": "abc"}, "not a percentage"),
        ({"long_haul_flights": "-1"}, "from 0 to 1000"),
        ({"long_haul_flights": "two"}, "not a whole number"),
        ({"flight_class": "first"}, "not a class of travel"),
    ]:
        values = {
            "social_charges_rate": "20",
            "long_haul_flights": 6,
            "short_or_medium_haul_flights": 4,
            **kwargs,
        }
        with pytest.raises(DomainError, match=message):
            services.budget_parameters_update(plan=plan_2025, **values)
    assert snapshot(plan_2025) == before


def test_notes_are_ordered_lists(plan_2025):
    assumptions = list(
        BudgetNote.objects.filter(plan=plan_2025, kind=NoteKind.ASSUMPTION).order_by("position")
    )
    services.budget_note_move(note=assumptions[3], to=1, expected_version=assumptions[3].version)
    ordered = budget_section(plan=plan_2025)["assumptions"]
    assert [a.pk for a in ordered] == [assumptions[i].pk for i in (3, 0, 1, 2)]
    assert [a.position for a in ordered] == [0, 1, 2, 3]
    before = snapshot(plan_2025)
    with pytest.raises(DomainError, match="Place 5 does not exist"):
        services.budget_note_move(note=assumptions[0], to=5)
    assert snapshot(plan_2025) == before
    added = services.budget_note_create(plan=plan_2025, kind="assumption", text="  New one.  ")
    assert (added.text, added.position) == ("New one.", 4)
    services.budget_note_delete(note=ordered[0], expected_version=ordered[0].version)
    assert [a.position for a in budget_section(plan=plan_2025)["assumptions"]] == [0, 1, 2, 3]
    with pytest.raises(DomainError, match="cannot be empty"):
        services.budget_note_create(plan=plan_2025, kind="note", text="   ")


def test_staff_position_validation(plan_2025):
    before = snapshot(plan_2025)
    with pytest.raises(DomainError, match="title cannot be empty"):
        services.staff_position_create(plan=plan_2025, title=" ", share_of_time="50")
    with pytest.raises(DomainError, match="Share of time"):
        services.staff_position_create(plan=plan_2025, title="Intern", share_of_time="0")
    with pytest.raises(DomainError, match="Share of time"):
        services.staff_position_create(plan=plan_2025, title="Intern", share_of_time="")
    assert snapshot(plan_2025) == before


def test_budget_copy_into_the_next_year(plan_2025):
    target = WorkPlanFactory(year=2026)
    services.budget_copy(source=plan_2025, target=target)
    assert budget_total(plan=target) == D("497138")
    section = budget_section(plan=target)
    assert len(section["notes"]) == 2 and len(section["assumptions"]) == 4
    assert StaffPosition.objects.filter(plan=target).count() == 3
    with pytest.raises(DomainError, match="already has a budget"):
        services.budget_copy(source=plan_2025, target=target)


def test_cost_line_factory_contract_still_works():
    plan = WorkPlanFactory(year=2031)
    CostLineFactory(plan=plan, category="travel", amount=D("27000.00"), note="Travel")
    CostLineFactory(plan=plan, category="salaries", amount=D("100.50"), note="")
    assert budget_total(plan=plan) == D("27101")


def test_derived_lines_do_not_exist_without_parameters():
    plan = WorkPlanFactory()
    StaffPositionFactory(plan=plan, annual_cost=D("1000"))
    BudgetParametersFactory(plan=plan, social_charges_rate=D("20"))
    services.budget_recompute(plan=plan)
    assert line(plan, "salaries").amount == D("1000.00")
    assert line(plan, "social_charges").amount == D("200.00")


amounts = st.decimals(min_value=0, max_value=D("99999999.99"), places=2, allow_nan=False)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    salaries=amounts,
    rate=st.one_of(st.none(), st.decimals(min_value=0, max_value=100, places=2, allow_nan=False)),
    others=st.lists(amounts, min_size=0, max_size=3),
)
def test_property_the_printed_table_adds_up(db, salaries, rate, others):
    """Whatever the figures, the total shown (budget_total) is the sum of the lines as the
    table prints them, derived line included."""
    from django.template.loader import render_to_string

    plan = WorkPlanFactory(year=2090)
    CostLine.objects.filter(plan=plan).delete()
    BudgetParameters.objects.filter(plan=plan).delete()
    services.cost_line_create(plan=plan, category="salaries", amount=salaries)
    for category, amount in zip(["communication", "travel", "other"], others, strict=False):
        services.cost_line_create(plan=plan, category=category, amount=amount)
    services.budget_parameters_update(
        plan=plan, social_charges_rate=rate, long_haul_flights=0, short_or_medium_haul_flights=0
    )
    html = render_to_string(
        "budget/_section_vi.html", {"plan": plan, "budget": budget_section(plan=plan)}
    )
    printed = re.findall(r'<td class="num">([\d\']+)</td>', html)
    *line_figures, total_figure = (int(text.replace("'", "")) for text in printed)
    assert budget_total(plan=plan) == total_figure == sum(line_figures)
    assert len(line_figures) == 1 + len(others) + (rate is not None)
