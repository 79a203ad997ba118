from datetime import date

import pytest

from parties import treaty


@pytest.mark.parametrize(
    ("deposit", "in_force"),
    [
        (date(2023, 8, 3), date(2024, 2, 1)),  # South Sudan
        (date(2008, 12, 3), date(2010, 8, 1)),  # early ratifier: the Convention's own date
        (date(2010, 2, 16), date(2010, 8, 1)),  # 30th ratification (Burkina Faso, Moldova)
        (date(2010, 3, 1), date(2010, 9, 1)),
        (date(2011, 7, 31), date(2012, 1, 1)),  # sixth month falls in the next year
        (date(2020, 8, 6), date(2021, 2, 1)),  # Niue
        (date(2015, 1, 2), date(2015, 7, 1)),  # State of Palestine
    ],
)
def test_entry_into_force_is_first_day_of_sixth_month_after_deposit(deposit, in_force):
    assert treaty.entry_into_force(deposit) == in_force


def test_south_sudan_initial_report_due_180_days_after_entry_into_force():
    assert treaty.initial_report_due(date(2024, 2, 1)) == date(2024, 7, 30)


def test_annual_report_due_30_april():
    assert treaty.annual_report_due(2025) == date(2025, 4, 30)
