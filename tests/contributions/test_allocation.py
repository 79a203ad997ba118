"""The pure sharing functions: exact for any budget and membership, bounds respected."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from contributions.allocation import AllocationError, allocate, largest_remainder

# The machine is shared: generation may be slow, and the bounds tests filter out impossible
# configurations on purpose.
SLOW_OR_FILTERED = [HealthCheck.too_slow, HealthCheck.filter_too_much]

rates = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("25"), places=3)
memberships = st.lists(rates, min_size=1, max_size=130)
budgets = st.integers(min_value=0, max_value=50_000_000)


@given(budget=budgets, weights=memberships)
@settings(max_examples=300, deadline=None, suppress_health_check=SLOW_OR_FILTERED)
def test_shares_add_up_exactly_to_any_budget_for_any_membership(budget, weights):
    shares = largest_remainder(budget, dict(enumerate(weights)))
    assert sum(shares.values()) == budget
    assert all(isinstance(v, int) and v >= 0 for v in shares.values())
    total_weight = sum(Fraction(w) for w in weights)
    for key, weight in enumerate(weights):
        # Each share is its exact quota rounded down or up: never off by a franc or more.
        quota = budget * Fraction(weight) / total_weight
        assert abs(shares[key] - quota) < 1


@given(budget=budgets, weights=memberships, floor=st.integers(min_value=0, max_value=20_000))
@settings(max_examples=200, deadline=None, suppress_health_check=SLOW_OR_FILTERED)
def test_floor_is_met_and_total_stays_exact(budget, weights, floor):
    assume(floor * len(weights) <= budget)
    result = allocate(budget, dict(enumerate(weights)), floor=floor)
    assert result.total == budget
    assert min(result.shares.values()) >= floor


@given(
    budget=budgets,
    weights=memberships,
    ceiling=st.decimals(min_value=Decimal("0.5"), max_value=Decimal("100"), places=2),
)
@settings(max_examples=200, deadline=None, suppress_health_check=SLOW_OR_FILTERED)
def test_ceiling_is_met_and_total_stays_exact(budget, weights, ceiling):
    cap = int(budget * Fraction(ceiling) / 100)
    assume(cap * len(weights) >= budget)
    result = allocate(budget, dict(enumerate(weights)), ceiling_percent=ceiling)
    assert result.total == budget
    assert max(result.shares.values()) <= cap


@given(
    budget=budgets,
    weights=memberships,
    floor=st.integers(min_value=1, max_value=5_000),
    ceiling=st.decimals(min_value=Decimal("1"), max_value=Decimal("60"), places=1),
    unrated=st.integers(min_value=0, max_value=4),
)
@settings(max_examples=200, deadline=None, suppress_health_check=SLOW_OR_FILTERED)
def test_floor_and_ceiling_together_are_exact_or_refused_with_a_reason(
    budget, weights, floor, ceiling, unrated
):
    members = dict(enumerate(weights)) | {f"no-rate-{i}": None for i in range(unrated)}
    try:
        result = allocate(budget, members, floor=floor, ceiling_percent=ceiling)
    except AllocationError as error:
        assert str(error)  # refused, with a message saying why
        return
    assert result.total == budget
    assert min(result.shares.values()) >= floor
    assert max(result.shares.values()) <= int(budget * Fraction(ceiling) / 100)
    for i in range(unrated):
        assert result.shares[f"no-rate-{i}"] == floor


def test_largest_remainder_gives_leftover_francs_to_the_largest_remainders():
    # 100 / 3 = 33.33 each: one franc left, to the first in order when all else is equal.
    assert largest_remainder(100, {"a": 1, "b": 1, "c": 1}) == {"a": 34, "b": 33, "c": 33}
    # Quotas 14.29, 28.57, 57.14: remainders .29, .57, .14: the second gets the extra franc.
    assert largest_remainder(100, {"a": 1, "b": 2, "c": 4}) == {"a": 14, "b": 29, "c": 57}


def test_floor_lifts_small_states_and_the_others_share_the_rest_in_proportion():
    result = allocate(
        1000, {"big": Decimal("90"), "mid": Decimal("9"), "tiny": Decimal("1")}, floor=50
    )
    # 950 left for big and mid: 950 x 90/99 = 863.6 and 950 x 9/99 = 86.4.
    assert result.shares == {"big": 864, "mid": 86, "tiny": 50}
    assert result.at_floor == {"tiny"}
    assert sum(result.shares.values()) == 1000


def test_ceiling_caps_the_largest_and_the_others_carry_the_excess():
    result = allocate(
        1000,
        {"big": Decimal("70"), "b": Decimal("20"), "c": Decimal("10")},
        ceiling_percent=Decimal("40"),
    )
    assert result.shares["big"] == 400
    assert result.at_ceiling == {"big"}
    assert result.shares["b"] == 400 and result.shares["c"] == 200


def test_ceiling_applied_iteratively_when_capping_pushes_another_over():
    result = allocate(
        1000,
        {"a": Decimal("60"), "b": Decimal("30"), "c": Decimal("5"), "d": Decimal("5")},
        ceiling_percent=Decimal("35"),
    )
    # a is capped; b then gets 30/40 of 650 = 487 > 350 and is capped too; c and d share 300.
    assert result.shares == {"a": 350, "b": 350, "c": 150, "d": 150}
    assert result.at_ceiling == {"a", "b"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"floor": 400}, "exceeds the budget"),
        ({"ceiling_percent": Decimal("20")}, "cannot cover the budget"),
        ({"floor": -1}, "cannot be negative"),
        ({"ceiling_percent": Decimal("0")}, "above 0"),
    ],
)
def test_impossible_bounds_are_refused_with_a_clear_reason(kwargs, message):
    with pytest.raises(AllocationError, match=message):
        allocate(1000, {"a": 1, "b": 1, "c": 1}, **kwargs)


def test_a_state_with_no_rate_needs_a_floor():
    with pytest.raises(AllocationError, match="no rate"):
        allocate(1000, {"a": Decimal("1"), "b": None})
    assert allocate(1000, {"a": Decimal("1"), "b": None}, floor=100).shares == {"a": 900, "b": 100}
