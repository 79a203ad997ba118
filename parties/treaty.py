"""Date arithmetic of the Convention, as pure functions (Articles 7 and 17)."""

from datetime import date, timedelta

# Article 17(1): the Convention entered into force on 1 August 2010.
CONVENTION_ENTRY_INTO_FORCE = date(2010, 8, 1)
# Article 7(1): initial report "as soon as practicable, and in any event not later than 180 days".
INITIAL_REPORT_DAYS = 180
# Article 7(2): annual updates, by 30 April, covering the previous calendar year.
ANNUAL_REPORT_MONTH_DAY = (4, 30)


def first_day_of_sixth_month_after(deposit: date) -> date:
    month_index = deposit.year * 12 + (deposit.month - 1) + 6
    return date(month_index // 12, month_index % 12 + 1, 1)


def entry_into_force(deposit: date) -> date:
    """Article 17(2): the first day of the sixth month after the month of deposit, and never
    before the Convention itself entered into force."""
    return max(CONVENTION_ENTRY_INTO_FORCE, first_day_of_sixth_month_after(deposit))


def initial_report_due(in_force: date) -> date:
    return in_force + timedelta(days=INITIAL_REPORT_DAYS)


def annual_report_due(year: int) -> date:
    """The annual update due in `year`, covering `year - 1`."""
    month, day = ANNUAL_REPORT_MONTH_DAY
    return date(year, month, day)
