import re
from decimal import Decimal

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

_EMPHASIS = re.compile(r"\*([^*\n]+)\*")


@register.filter(needs_autoescape=True)
def emphasis(text: str, autoescape: bool = True) -> str:
    """*inter alia* -> <em>inter alia</em>: the one piece of markup plan texts carry."""
    escaped = conditional_escape(text) if autoescape else text
    return mark_safe(_EMPHASIS.sub(r"<em>\1</em>", str(escaped)))  # noqa: S308 - escaped above


@register.filter
def chf(amount) -> str:
    """497138 -> 497'138, as the Convention's documents write Swiss francs."""
    if amount in (None, ""):
        return ""
    value = Decimal(amount).quantize(Decimal("1"))
    sign = "-" if value < 0 else ""
    return sign + f"{abs(int(value)):,}".replace(",", "'")


@register.inclusion_tag("workplan/_part_controls.html", takes_context=True)
def part_controls(context, part, kind: str, loop):
    """Edit, move, delete and history controls of one part (only for those who may edit)."""
    return {
        "plan": context["plan"],
        "can_edit": context.get("can_edit", False),
        "can_see_history": context.get("can_see_history", False),
        "part": part,
        "kind": kind,
        "position": loop["counter"],
        "first": loop["first"],
        "last": loop["last"],
    }
