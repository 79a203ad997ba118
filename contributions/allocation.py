"""Sharing a budget among States in whole francs. Pure functions: no database, no settings.

Every amount is computed with exact fractions, so the result does not depend on float rounding,
and the shares always add up to the budget exactly (largest remainder method)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from math import floor as floor_of

from budget.formatting import format_chf


class AllocationError(ValueError):
    """The budget cannot be shared under the given rules (the message says why)."""


Weight = Decimal | Fraction | int


def _fraction(value: Weight) -> Fraction:
    return value if isinstance(value, Fraction) else Fraction(value)


def largest_remainder(total: int, weights: Mapping[Hashable, Weight]) -> dict[Hashable, int]:
    """Whole shares of `total` in proportion to `weights`, adding up to `total` exactly.

    Each key first gets the whole part of its exact quota; the francs left over go one each to
    the largest fractional remainders (ties: the larger weight, then the order of `weights`)."""
    if total < 0:
        raise AllocationError("the amount to share cannot be negative")
    if not weights:
        if total:
            raise AllocationError("there is nobody to share the amount among")
        return {}
    exact = {key: _fraction(weight) for key, weight in weights.items()}
    if any(weight < 0 for weight in exact.values()):
        raise AllocationError("a weight cannot be negative")
    weight_sum = sum(exact.values())
    if weight_sum == 0:
        # Nobody has a weight: the amount is shared equally.
        exact = dict.fromkeys(exact, Fraction(1))
        weight_sum = Fraction(len(exact))
    quotas = {key: total * weight / weight_sum for key, weight in exact.items()}
    shares = {key: floor_of(quota) for key, quota in quotas.items()}
    left = total - sum(shares.values())
    order = list(exact)
    ranked = sorted(
        order,
        key=lambda key: (-(quotas[key] - shares[key]), -exact[key], order.index(key)),
    )
    for key in ranked[:left]:
        shares[key] += 1
    return shares


@dataclass(frozen=True)
class Allocation:
    shares: dict[Hashable, int]
    at_floor: frozenset = field(default_factory=frozenset)
    at_ceiling: frozenset = field(default_factory=frozenset)

    @property
    def total(self) -> int:
        return sum(self.shares.values())


def allocate(
    total: int,
    weights: Mapping[Hashable, Weight | None],
    *,
    floor: int | None = None,
    ceiling_percent: Decimal | None = None,
) -> Allocation:
    """Shares `total` (whole francs) in proportion to `weights`, with an optional floor (the
    least any State pays, CHF) and ceiling (the largest share of the total, in percent).

    A key whose weight is None has no rate: it pays the floor (a floor is then required).
    States whose proportional share falls outside the bounds are fixed at the bound and the
    rest is shared again among the others, until every free share lies within the bounds; the
    free shares are then rounded by largest remainder, so the result is exact and every share
    respects both bounds. Raises AllocationError when the bounds cannot all be met."""
    if total < 0:
        raise AllocationError("the budget cannot be negative")
    count = len(weights)
    if floor is not None and floor < 0:
        raise AllocationError("the floor cannot be negative")
    cap = None
    if ceiling_percent is not None:
        ceiling = _fraction(ceiling_percent)
        if not 0 < ceiling <= 100:
            raise AllocationError("the ceiling must be a percentage above 0 and at most 100")
        cap = floor_of(total * ceiling / 100)
    if floor and floor * count > total:
        raise AllocationError(
            f"a floor of CHF {format_chf(floor)} for {count} States "
            f"(CHF {format_chf(floor * count)}) exceeds the "
            f"budget of CHF {format_chf(total)}"
        )
    if cap is not None and cap * count < total:
        raise AllocationError(
            f"a ceiling of {ceiling_percent} % cannot cover the budget with {count} States"
        )
    if floor is not None and cap is not None and floor > cap:
        raise AllocationError("the floor is larger than the ceiling")
    unrated = [key for key, weight in weights.items() if weight is None]
    if unrated and not floor:
        raise AllocationError(
            f"{len(unrated)} State(s) have no rate: set a floor or a rate for each of them"
        )
    at_floor = set(unrated)
    at_ceiling: set = set()
    while True:
        free = {
            key: _fraction(weight)
            for key, weight in weights.items()
            if key not in at_floor and key not in at_ceiling
        }
        remaining = total - (floor or 0) * len(at_floor) - (cap or 0) * len(at_ceiling)
        if not free:
            if remaining:
                raise AllocationError(
                    f"the floor and ceiling leave nobody to carry the remaining CHF "
                    f"{format_chf(remaining)}: relax one of them"
                )
            break
        weight_sum = sum(free.values())
        if weight_sum == 0:
            free = dict.fromkeys(free, Fraction(1))
            weight_sum = Fraction(len(free))
        ideal = {key: remaining * weight / weight_sum for key, weight in free.items()}
        # Ceilings first: fixing a State at its cap only raises the others' shares, so the
        # floors found afterwards are final.
        over = {key for key, share in ideal.items() if cap is not None and share > cap}
        if over:
            at_ceiling |= over
            continue
        under = {key for key, share in ideal.items() if floor and share < floor}
        if under:
            at_floor |= under
            continue
        break
    shares = dict.fromkeys(at_floor, floor or 0) | dict.fromkeys(at_ceiling, cap or 0)
    if free:
        shares |= largest_remainder(remaining, free)
    ordered = {key: shares[key] for key in weights}
    return Allocation(
        shares=ordered, at_floor=frozenset(at_floor), at_ceiling=frozenset(at_ceiling)
    )
