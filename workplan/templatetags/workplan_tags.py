import re
from decimal import Decimal

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from budget.formatting import format_chf

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
    return format_chf(Decimal(amount))


_KINDS = frozenset({"paragraph", "item", "outcome", "output", "activity", "summary"})


@register.simple_tag(takes_context=True)
def part_controls(context, part, kind: str, loop) -> str:
    """Edit, move, delete and history controls of one part.

    Built with plain string formatting, not an included template nor format_html, because a
    large plan has thousands of parts; every interpolated value is an integer, a URL made of
    integers, or one of the fixed kind names checked below, so nothing needs escaping."""
    if kind not in _KINDS:
        raise ValueError(f"unknown part kind {kind!r}")
    can_edit = context.get("can_edit", False)
    can_see_history = context.get("can_see_history", False)
    if not (can_edit or can_see_history):
        return ""
    url = f"{context['plan_base_url']}{kind}/{int(part.pk)}/"
    position = int(loop["counter"])
    what = f"{kind} {position}"
    pieces = []
    if can_edit:
        version = int(part.version)
        pieces.append(
            f'<a href="{url}edit/" hx-get="{url}edit/" hx-target="#{kind}-{int(part.pk)}-body" '
            f'hx-swap="innerHTML" class="part-controls__edit">Edit'
            f'<span class="visually-hidden"> {what}</span></a>'
        )
        buttons = ""
        if not loop["first"]:
            buttons += (
                f'<button type="submit" name="position" value="{position - 1}" '
                f'class="link-button" title="Move up">\u2191'
                f'<span class="visually-hidden"> Move {what} up</span></button>'
            )
        if not loop["last"]:
            buttons += (
                f'<button type="submit" name="position" value="{position + 1}" '
                f'class="link-button" title="Move down">\u2193'
                f'<span class="visually-hidden"> Move {what} down</span></button>'
            )
        if buttons:
            pieces.append(
                f'<form method="post" action="{url}move/" class="inline-form" '
                f'hx-post="{url}move/" hx-target="#plan-document" hx-swap="outerHTML">'
                f'<input type="hidden" name="version" value="{version}">{buttons}</form>'
            )
        pieces.append(
            f'<a href="{url}delete/" hx-post="{url}delete/" '
            f'hx-vals=\'{{"version": "{version}"}}\' hx-confirm="Delete this {kind}?" '
            f'hx-target="#plan-document" hx-swap="outerHTML" class="danger">Delete'
            f'<span class="visually-hidden"> {what}</span></a>'
        )
    if can_see_history:
        pieces.append(
            f'<a class="part-history-link" href="{url}history/">History'
            f'<span class="visually-hidden"> of {what}</span></a>'
        )
    return mark_safe(  # noqa: S308 - only integers and fixed names are interpolated
        f'<span class="part-controls" data-kind="{kind}">{" ".join(pieces)}</span>'
    )


@register.simple_tag
def part_tags(part) -> str:
    """The Convention articles and LAP actions a lettered item or activity is tagged with."""
    articles = getattr(part, "article_list", [])
    actions = getattr(part, "lap_action_list", [])
    if not (articles or actions):
        return ""
    pieces = [
        format_html('<span class="tag tag--article" title="{}">Art. {}</span>', a.title, a.number)
        for a in articles
    ] + [format_html('<span class="tag tag--lap">LAP {}</span>', a.number) for a in actions]
    return format_html(
        '<span class="part-tags">{}</span>',
        mark_safe("".join(pieces)),  # noqa: S308 - each piece built by format_html
    )
