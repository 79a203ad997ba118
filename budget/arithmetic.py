"""The budget's arithmetic, in one place, with its rounding rule.

Rounding rule (what the 2025 document does, reproduced exactly):

1. Amounts are held to the centime. A derived amount is computed exactly and then rounded
   half-up to the centime: social charges = salaries x rate / 100
   (364'282.00 x 20 / 100 = 72'856.40).
2. A cost line is printed, and counted in the total, in whole francs rounded half-up
   (72'856.40 is printed 72'856; 0.50 would be 1).
3. The total is the sum of the rounded lines, so the printed column always adds up to the
   printed total (364'282 + 72'856 + 20'000 + 27'000 + 13'000 = 497'138). Summing the
   centimes first and rounding once could differ by a franc or more from the column shown.
4. Variances compare rounded figures: CHF variance = this year - last year (whole francs);
   percentage = variance / last year x 100, rounded half-up to one decimal, and undefined
   (None) when last year is missing or zero.
"""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

FRANC = Decimal("1")
CENTIME = Decimal("0.01")
TENTH = Decimal("0.1")
HUNDRED = Decimal("100")


def round_franc(amount: Decimal) -> Decimal:
    """An amount in whole francs, half up, as the cost table prints it."""
    return Decimal(amount).quantize(FRANC, rounding=ROUND_HALF_UP)


def round_centime(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(CENTIME, rounding=ROUND_HALF_UP)


def total_of(amounts: Iterable[Decimal]) -> Decimal:
    """The total of a cost table: the sum of its lines, each rounded to the franc first."""
    return sum((round_franc(amount) for amount in amounts), Decimal("0"))


def social_charges(*, salaries: Decimal, rate_percent: Decimal) -> Decimal:
    """Social charges at `rate_percent` of salaries, to the centime (half up)."""
    return round_centime(Decimal(salaries) * Decimal(rate_percent) / HUNDRED)


def every_position_costed(costs: list[Decimal | None]) -> bool:
    """Salaries is the sum of the positions' costs once there are positions and every one of
    them has a cost; until then it is typed (the 2025 document gives only the total)."""
    return bool(costs) and all(cost is not None for cost in costs)


def salaries_of(costs: Iterable[Decimal]) -> Decimal:
    """The Salaries line when every position is costed: the sum of their costs."""
    return round_centime(sum((Decimal(cost) for cost in costs), Decimal("0")))


def variance(*, current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """This year's rounded figure minus last year's; None when last year has no figure."""
    if previous is None:
        return None
    return round_franc(current or Decimal("0")) - round_franc(previous)


def variance_percent(*, current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """The variance as a percentage of last year, to one decimal; None when last year is
    missing or zero (a change from nothing has no percentage)."""
    if previous is None or round_franc(previous) == 0:
        return None
    change = variance(current=current, previous=previous)
    return (change * HUNDRED / round_franc(previous)).quantize(TENTH, rounding=ROUND_HALF_UP)
