import re
from decimal import Decimal

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
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


@register.simple_tag(takes_context=True)
def part_controls(context, part, kind: str, loop) -> str:
    """Edit, move, delete and history controls of one part. Built in Python rather than an
    included template because a large plan has thousands of parts: this keeps the page fast."""
    can_edit = context.get("can_edit", False)
    can_see_history = context.get("can_see_history", False)
    if not (can_edit or can_see_history):
        return ""
    base = context.get("plan_base_url")
    if base is None:
        base = context["plan_base_url"] = reverse("workplan:detail", args=[context["plan"].year])
    url = f"{base}{kind}/{part.pk}/"
    position = loop["counter"]
    what = f"{kind} {position}"
    pieces = []
    if can_edit:
        pieces.append(
            format_html(
                '<a href="{0}edit/" hx-get="{0}edit/" hx-target="#{1}-{2}-body" '
                'hx-swap="innerHTML" class="part-controls__edit">Edit'
                '<span class="visually-hidden"> {3}</span></a>',
                url,
                kind,
                part.pk,
                what,
            )
        )
        buttons = []
        if not loop["first"]:
            buttons.append(
                format_html(
                    '<button type="submit" name="position" value="{}" class="link-button" '
                    'title="Move up">\u2191<span class="visually-hidden"> Move {} up</span>'
                    "</button>",
                    position - 1,
                    what,
                )
            )
        if not loop["last"]:
            buttons.append(
                format_html(
                    '<button type="submit" name="position" value="{}" class="link-button" '
                    'title="Move down">\u2193<span class="visually-hidden"> Move {} down'
                    "</span></button>",
                    position + 1,
                    what,
                )
            )
        if buttons:
            pieces.append(
                format_html(
                    '<form method="post" action="{0}move/" class="inline-form" '
                    'hx-post="{0}move/" hx-target="#plan-document" hx-swap="outerHTML">'
                    '<input type="hidden" name="version" value="{1}">{2}</form>',
                    url,
                    part.version,
                    mark_safe("".join(buttons)),  # noqa: S308 - each piece built by format_html
                )
            )
        pieces.append(
            format_html(
                '<a href="{0}delete/" hx-post="{0}delete/" '
                'hx-vals=\'{{"version": "{1}"}}\' hx-confirm="Delete this {2}?" '
                'hx-target="#plan-document" hx-swap="outerHTML" class="danger">Delete'
                '<span class="visually-hidden"> {3}</span></a>',
                url,
                part.version,
                kind,
                what,
            )
        )
    if can_see_history:
        pieces.append(
            format_html(
                '<a class="part-history-link" href="{}history/">History'
                '<span class="visually-hidden"> of {}</span></a>',
                url,
                what,
            )
        )
    return format_html(
        '<span class="part-controls" data-kind="{}">{}</span>',
        kind,
        mark_safe(" ".join(pieces)),  # noqa: S308 - each piece built by format_html
    )
