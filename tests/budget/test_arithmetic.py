"""The rounding rule, the derived lines, the totals and the variances."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from budget import arithmetic
from budget.formatting import format_chf, format_percent

D = Decimal


def test_social_charges_2025():
    assert arithmetic.social_charges(salaries=D("364282"), rate_percent=D("20")) == D("72856.40")
    assert arithmetic.round_franc(D("72856.40")) == D("72856")


@pytest.mark.parametrize(
    ("amount", "rounded"),
    [("0.49", "0"), ("0.50", "1"), ("72856.40", "72856"), ("72856.50", "72857"), ("2.5", "3")],
)
def test_lines_round_half_up_to_the_franc(amount, rounded):
    assert arithmetic.round_franc(D(amount)) == D(rounded)


def test_social_charges_round_half_up_to_the_centime():
    # 100.05 x 12.5% = 12.50625 -> 12.51
    assert arithmetic.social_charges(salaries=D("100.05"), rate_percent=D("12.5")) == D("12.51")


def test_total_is_the_sum_of_the_rounded_lines_not_the_rounded_sum():
    # Summing first would give 1.00 -> 1; the printed column reads 1 + 1 = 2.
    assert arithmetic.total_of([D("0.50"), D("0.50")]) == D("2")
    assert arithmetic.total_of(
        [D("364282"), D("72856.40"), D("20000"), D("27000"), D("13000")]
    ) == D("497138")
    assert arithmetic.total_of([]) == D("0")


def test_salaries_are_the_sum_of_the_positions():
    assert arithmetic.salaries_of([D("150000.10"), D("130000"), D("84281.90")]) == D("364282.00")


amounts = st.decimals(min_value=0, max_value=D("9999999.99"), places=2, allow_nan=False)


@given(st.lists(amounts, max_size=12))
def test_total_always_equals_the_sum_of_the_printed_lines(lines):
    total = arithmetic.total_of(lines)
    printed = [int(format_chf(amount).replace("'", "")) for amount in lines]
    assert total == sum(printed)
    assert total == sum(arithmetic.round_franc(amount) for amount in lines)
    assert total == total.to_integral_value()


@given(
    salaries=amounts,
    rate=st.decimals(min_value=0, max_value=100, places=2, allow_nan=False),
    others=st.lists(amounts, max_size=4),
)
def test_derived_budget_total_is_the_sum_of_its_rounded_lines(salaries, rate, others):
    charges = arithmetic.social_charges(salaries=salaries, rate_percent=rate)
    assert charges == (salaries * rate / 100).quantize(D("0.01"), rounding="ROUND_HALF_UP")
    lines = [salaries, charges, *others]
    assert arithmetic.total_of(lines) == sum(arithmetic.round_franc(line) for line in lines)


def test_variance_in_francs_and_percent():
    assert arithmetic.variance(current=D("27000"), previous=D("25000")) == D("2000")
    assert arithmetic.variance_percent(current=D("27000"), previous=D("25000")) == D("8.0")
    assert arithmetic.variance(current=D("20000"), previous=D("30000")) == D("-10000")
    assert arithmetic.variance_percent(current=D("20000"), previous=D("30000")) == D("-33.3")
    assert arithmetic.variance_percent(current=D("2"), previous=D("3")) == D("-33.3")
    assert arithmetic.variance_percent(current=D("1"), previous=D("3")) == D("-66.7")


def test_variance_compares_rounded_figures():
    assert arithmetic.variance(current=D("72856.40"), previous=D("72855.60")) == D("0")


def test_variance_when_last_year_is_missing_or_zero():
    assert arithmetic.variance(current=D("1000"), previous=None) is None
    assert arithmetic.variance_percent(current=D("1000"), previous=None) is None
    assert arithmetic.variance(current=D("1000"), previous=D("0")) == D("1000")
    assert arithmetic.variance_percent(current=D("1000"), previous=D("0")) is None
    assert arithmetic.variance(current=None, previous=D("500")) == D("-500")
    assert arithmetic.variance_percent(current=None, previous=D("500")) == D("-100.0")


@pytest.mark.parametrize(
    ("amount", "kwargs", "text"),
    [
        (D("497138"), {}, "497'138"),
        (D("497138.00"), {}, "497'138"),
        (D("72856.40"), {}, "72'856"),
        (D("72856.40"), {"places": 2}, "72'856.40"),
        (D("1234567.5"), {}, "1'234'568"),
        (D("999"), {}, "999"),
        (D("0"), {}, "0"),
        (D("-1500"), {}, "-1'500"),
        (D("-0.4"), {}, "0"),
        (D("2000"), {"signed": True}, "+2'000"),
        (D("0"), {"signed": True}, "0"),
        (27000, {}, "27'000"),
        (None, {}, ""),
    ],
)
def test_format_chf(amount, kwargs, text):
    assert format_chf(amount, **kwargs) == text


def test_format_chf_refuses_floats():
    with pytest.raises(TypeError):
        format_chf(1.5)


def test_format_percent():
    assert format_percent(D("20.00")) == "20%"
    assert format_percent(D("-3.5")) == "-3.5%"
    assert format_percent(D("8.0"), signed=True) == "+8%"
    assert format_percent(None) == ""


def test_template_filters():
    html = Template(
        "{% load chf %}{{ a|chf }} {{ b|chf:2 }} {{ c|chf_signed }} {{ r|percent }} [{{ n|chf }}]"
    ).render(Context({"a": D("497138"), "b": D("72856.4"), "c": D("500"), "r": D("20"), "n": None}))
    assert html == "497'138 72'856.40 +500 20% []"
