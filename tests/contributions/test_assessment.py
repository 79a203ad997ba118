"""Assessing a year's approved budget among the States Parties on 1 January."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from contributions import selectors, services
from contributions.models import AssessmentMethod, Invoice, UNScaleRate
from isu_portal.errors import DomainError
from parties.models import State
from tests.contributions.factories import approved_budget, issue
from workplan.models import PlanStatus

pytestmark = pytest.mark.django_db


def test_load_un_scale_is_idempotent_and_keyed_by_state_and_period(participants):
    out = StringIO()
    call_command("load_un_scale", stdout=out)
    assert "120 created" in out.getvalue()
    call_command("load_un_scale", stdout=out)
    assert "0 created, 0 updated, 120 unchanged" in out.getvalue()
    assert UNScaleRate.objects.count() == 120
    france = UNScaleRate.objects.get(state__iso3="FRA", first_year=2025)
    assert france.rate_percent == Decimal("3.858") and france.last_year == 2027


def test_a_scale_file_that_does_not_add_up_is_refused_and_nothing_loaded(participants, tmp_path):
    bad = tmp_path / "scale.csv"
    bad.write_text("state,rate_percent\nFrance,3.858\nGermany,abc\n", encoding="utf-8")
    with pytest.raises(DomainError, match="not a rate"):
        services.un_scale_load(path=bad)
    assert UNScaleRate.objects.count() == 0


def test_2025_assessment_of_the_real_registry_adds_up_to_the_budget(real_world, budget_2025):
    assessment = selectors.assessment_compute(year=2025)
    assert assessment.budget == Decimal("497138")
    assert len(assessment.rows) == 112  # Lithuania is still a State Party on 1 January 2025
    assert assessment.total == Decimal("497138")
    flagged = {row.state.name for row in assessment.rows if "no UN rate" in row.flags}
    assert flagged == {"Cook Islands", "Holy See", "Niue", "State of Palestine"}
    by_name = {row.state.name: row for row in assessment.rows}
    # Shares follow the UN scale adjusted to the States Parties: Japan pays more than Germany.
    assert by_name["Japan"].amount > by_name["Germany"].amount > by_name["France"].amount


def test_a_state_withdrawn_by_1_january_is_not_assessed(real_world):
    approved_budget(2025)
    approved_budget(2026, Decimal("510000"))
    names_2025 = {r.state.iso3 for r in selectors.assessment_compute(year=2025).rows}
    names_2026 = {r.state.iso3 for r in selectors.assessment_compute(year=2026).rows}
    assert "LTU" in names_2025 and "LTU" not in names_2026
    assert len(names_2026) == 111
    assert selectors.assessment_compute(year=2026).total == Decimal("510000")


@pytest.mark.parametrize("status", [PlanStatus.DRAFT, PlanStatus.ENDORSED, PlanStatus.CIRCULATED])
def test_a_budget_not_yet_approved_is_refused_clearly(small_world, status):
    approved_budget(2025, status=status)
    with pytest.raises(DomainError, match="not approved by a Meeting of States Parties"):
        selectors.assessment_compute(year=2025)
    with pytest.raises(DomainError):
        services.issue_job_start(year=2025, send=False)
    assert not Invoice.objects.exists()


def test_no_plan_at_all_is_refused(small_world):
    with pytest.raises(DomainError, match="no work plan for 2031"):
        selectors.assessment_compute(year=2031)


def test_floor_and_set_rate_for_states_with_no_un_rate(small_world, budget_2025):
    holy_see = State.objects.get(iso3="VAT")
    rows = {r.state.iso3: r for r in selectors.assessment_compute(year=2025).rows}
    assert rows["VAT"].note == "UN minimum rate (no UN rate)"
    services.assessment_basis_set(
        year=2025, method=AssessmentMethod.UN_SCALE, floor=Decimal("5000")
    )
    rows = {r.state.iso3: r for r in selectors.assessment_compute(year=2025).rows}
    assert rows["VAT"].amount == Decimal("5000") and "no UN rate" in rows["VAT"].flags
    assert rows["LAO"].amount == Decimal("5000") and "at floor" in rows["LAO"].flags
    services.set_rate_save(year=2025, state=holy_see, rate_percent=Decimal("0.500"))
    assessment = selectors.assessment_compute(year=2025)
    rows = {r.state.iso3: r for r in assessment.rows}
    assert rows["VAT"].note == "rate set by the ISU" and rows["VAT"].rate_percent == Decimal("0.5")
    assert assessment.total == Decimal("497138")


def test_the_isu_cannot_set_a_rate_for_a_state_on_the_un_scale(small_world, state_a):
    with pytest.raises(DomainError, match="has a UN rate"):
        services.set_rate_save(year=2025, state=state_a, rate_percent=Decimal("1"))


def test_ceiling_and_equal_shares(small_world, budget_2025):
    services.assessment_basis_set(
        year=2025, method=AssessmentMethod.UN_SCALE, ceiling_percent=Decimal("40")
    )
    assessment = selectors.assessment_compute(year=2025)
    assert assessment.total == Decimal("497138")
    assert max(r.amount for r in assessment.rows) <= Decimal("198855")  # 40 % in whole francs
    services.assessment_basis_set(year=2025, method=AssessmentMethod.EQUAL)
    amounts = sorted(r.amount for r in selectors.assessment_compute(year=2025).rows)
    assert amounts == [Decimal("124284")] * 2 + [Decimal("124285")] * 2


def test_pledges_are_invoiced_as_recorded_and_the_gap_is_shown(small_world, budget_2025, state_a):
    services.assessment_basis_set(year=2025, method=AssessmentMethod.PLEDGES)
    services.pledge_record(year=2025, state=state_a, amount=Decimal("300000"))
    assessment = selectors.assessment_compute(year=2025)
    rows = {r.state.iso3: r for r in assessment.rows}
    assert rows["FRA"].amount == Decimal("300000") and rows["LAO"].amount == 0
    assert "shortfall CHF 197'138" in assessment.warnings[0]
    assert [r.state.iso3 for r in assessment.to_issue] == ["FRA"]


def test_impossible_floor_is_refused_with_the_reason(small_world, budget_2025):
    services.assessment_basis_set(
        year=2025, method=AssessmentMethod.UN_SCALE, floor=Decimal("200000")
    )
    with pytest.raises(DomainError, match="exceeds the budget"):
        selectors.assessment_compute(year=2025)


def test_the_basis_cannot_change_once_invoices_are_issued(small_world, budget_2025, state_a):
    issue(state_a)
    with pytest.raises(DomainError, match="can no longer change"):
        services.assessment_basis_set(year=2025, method=AssessmentMethod.EQUAL)
    assert selectors.basis_for_year(year=2025).method == AssessmentMethod.UN_SCALE
    assert selectors.basis_for_year(year=2025).pk is None


def test_parties_on_1_january(small_world, state_b):
    state_b.consent_date = date(2025, 1, 2)
    state_b.save()
    approved_budget(2025)
    assert "LAO" not in {r.state.iso3 for r in selectors.assessment_compute(year=2025).rows}
