"""Formatting of the meetings pages and letters."""

from decimal import Decimal, InvalidOperation

from django import template

from budget.formatting import format_chf

register = template.Library()


@register.filter
def chf(value) -> str:
    """3000 -> "3'000.00": francs with the apostrophe thousands separator of the Convention's
    documents (the 2025 plan writes CHF 497'138) and centimes."""
    if value is None or value == "":
        return "—"
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return format_chf(amount, places=2)
