"""`{% load chf %}{{ amount|chf }}` writes 497'138; `{{ amount|chf:2 }}` keeps the centimes;
`{{ change|chf_signed }}` writes +1'000; `{{ rate|percent }}` writes 20%."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.safestring import mark_safe

from budget.formatting import format_chf, format_percent

register = template.Library()

# The formatted text holds only digits, apostrophes, signs, a point and "%": nothing to
# escape, and pages and documents then carry 497'138 literally.


def _decimal(value):
    if value is None or value == "":
        return None
    if isinstance(value, float):
        value = str(value)
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None


@register.filter
def chf(value, places=0):
    amount = _decimal(value)
    return "" if amount is None else mark_safe(format_chf(amount, places=int(places)))  # noqa: S308


@register.filter
def chf_signed(value):
    amount = _decimal(value)
    return "" if amount is None else mark_safe(format_chf(amount, signed=True))  # noqa: S308


@register.filter
def percent(value, signed=False):
    amount = _decimal(value)
    return "" if amount is None else format_percent(amount, signed=bool(signed))
