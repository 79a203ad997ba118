"""Writes to work plans. The only write path: views, the API, the admin and commands call these.

Every function runs in one transaction, validates first and raises DomainError with a clear
message, leaving the database unchanged. Edits of a part's text are guarded by its `version`
(optimistic locking): a save based on an older version is refused and shows the newer text.
Every change is saved through the model's `save()` so that django-simple-history records who
changed what and when.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import transaction

from accounts import access
from isu_portal.errors import DomainError
from workplan.models import (
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Activity,
    ConventionArticle,
    LapAction,
    LetteredItem,
    Outcome,
    Output,
    Paragraph,
    PlanStatus,
    Section,
    SectionKind,
    SubSection,
    SummaryItem,
    SummaryKind,
    WorkPlan,
)
from workplan.parts import KINDS, PartKind, kind_of

# --- checks ----------------------------------------------------------------------------------


def clean_text(text: str | None, *, label: str, max_length: int = TEXT_MAX_LENGTH) -> str:
    """The text stripped of surrounding blanks; DomainError if it is empty or too long."""
    text = (text or "").strip()
    if not text:
        raise DomainError(f"The {label}'s text is required.", field="text")
    if len(text) > max_length:
        raise DomainError(
            f"The {label}'s text is {len(text)} characters long; the limit is {max_length}.",
            field="text",
        )
    return text


def _require_editable(plan: WorkPlan, user) -> None:
    if user is not None and not access.can_edit_workplan(user, plan):
        if plan.status != PlanStatus.DRAFT:
            raise DomainError(
                f"The {plan.year} plan is {plan.get_status_display().lower()}; "
                "only a draft can be edited."
            )
        raise DomainError("You may not edit this plan.")
    if plan.status != PlanStatus.DRAFT:
        raise DomainError(
            f"The {plan.year} plan is {plan.get_status_display().lower()}; "
            "only a draft can be edited."
        )


def _locked_plan(plan_id: int) -> WorkPlan:
    # Locking the plan row serialises structural changes (positions) to one plan.
    return WorkPlan.objects.select_for_update().get(pk=plan_id)


def _check_version(part, *, version: int | None, kind: PartKind) -> None:
    if version is None:
        return
    if int(version) != part.version:
        current = getattr(part, "text", None) or getattr(part, "title", "")
        raise DomainError(
            f"This {kind.label} was changed by someone else after you opened it "
            f"(you edited version {version}, it is now at version {part.version}). "
            f"Nothing was saved. Its current text is: \u201c{current}\u201d",
            field="version",
        )


def _tags(
    articles: Iterable[int] | None, lap_actions: Iterable[int] | None
) -> tuple[list[ConventionArticle] | None, list[LapAction] | None]:
    """Looks up tag numbers; DomainError names any number that is not in the reference tables."""
    found_articles = found_actions = None
    errors = []
    if articles is not None:
        numbers = sorted({int(n) for n in articles})
        found_articles = list(ConventionArticle.objects.filter(number__in=numbers))
        missing = set(numbers) - {a.number for a in found_articles}
        if missing:
            errors.append(
                "Unknown Convention article(s): " + ", ".join(str(n) for n in sorted(missing))
            )
    if lap_actions is not None:
        numbers = sorted({int(n) for n in lap_actions})
        found_actions = list(LapAction.objects.filter(number__in=numbers))
        missing = set(numbers) - {a.number for a in found_actions}
        if missing:
            errors.append(
                "Unknown Lausanne Action Plan action(s): "
                + ", ".join(str(n) for n in sorted(missing))
            )
    if errors:
        raise DomainError(errors, field="tags")
    return found_articles, found_actions


def _save(obj, *, user, reason: str | None = None) -> None:
    obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save()


def _renumber(siblings: list) -> None:
    """Positions 1..n in the given order (positions only; numbers are computed from them)."""
    changed = []
    for index, sibling in enumerate(siblings, start=1):
        if sibling.position != index:
            sibling.position = index
            changed.append(sibling)
    if changed:
        type(changed[0]).objects.bulk_update(changed, ["position"])


def _insert_position(count: int, position: int | None, *, kind: PartKind) -> int:
    if position is None:
        return count + 1
    if not 1 <= int(position) <= count + 1:
        raise DomainError(
            f"Position {position} is impossible: a new {kind.label} can go at 1 to {count + 1}.",
            field="position",
        )
    return int(position)


# --- parts: create ---------------------------------------------------------------------------


def _part_insert(*, kind: PartKind, plan_id: int, values: dict, text: str, position, user, tags):
    plan = _locked_plan(plan_id)
    _require_editable(plan, user)
    text = clean_text(text, label=kind.label)
    articles, actions = _tags(*tags) if kind.taggable else (None, None)
    part = kind.model(text=text, **values)
    siblings = list(
        kind.model.objects.filter(**kind.container_filter(part)).order_by("position", "id")
    )
    index = _insert_position(len(siblings), position, kind=kind)
    siblings.insert(index - 1, part)
    for number, sibling in enumerate(siblings, start=1):
        sibling.position = number
    kind.model.objects.bulk_update([s for s in siblings if s is not part], ["position"])
    part.version = 1
    _save(part, user=user, reason="created")
    if articles is not None:
        part.articles.set(articles)
    if actions is not None:
        part.lap_actions.set(actions)
    return part


@transaction.atomic
def paragraph_create(
    *,
    section: Section,
    text: str,
    subsection: SubSection | None = None,
    position: int | None = None,
    user=None,
) -> Paragraph:
    """Adds a numbered paragraph to a section (or one of its sub-sections) at `position`
    (1-based, default last); the paragraphs after it are renumbered by their order."""
    if subsection is not None and subsection.section_id != section.pk:
        raise DomainError("That sub-section belongs to another section.")
    if section.kind != SectionKind.PARAGRAPHS:
        raise DomainError(f"Section \u201c{section.title}\u201d holds no numbered paragraphs.")
    return _part_insert(
        kind=KINDS["paragraph"],
        plan_id=section.plan_id,
        values={"section": section, "subsection": subsection},
        text=text,
        position=position,
        user=user,
        tags=(None, None),
    )


@transaction.atomic
def lettered_item_create(
    *,
    paragraph: Paragraph,
    text: str,
    position: int | None = None,
    articles: Iterable[int] | None = None,
    lap_actions: Iterable[int] | None = None,
    user=None,
) -> LetteredItem:
    """Adds a lettered sub-item to a paragraph; letters follow the order."""
    return _part_insert(
        kind=KINDS["item"],
        plan_id=Section.objects.values_list("plan_id", flat=True).get(pk=paragraph.section_id),
        values={"paragraph": paragraph},
        text=text,
        position=position,
        user=user,
        tags=(articles, lap_actions),
    )


@transaction.atomic
def outcome_create(*, plan: WorkPlan, text: str, position: int | None = None, user=None) -> Outcome:
    return _part_insert(
        kind=KINDS["outcome"],
        plan_id=plan.pk,
        values={"plan": plan},
        text=text,
        position=position,
        user=user,
        tags=(None, None),
    )


@transaction.atomic
def output_create(*, outcome: Outcome, text: str, position: int | None = None, user=None) -> Output:
    return _part_insert(
        kind=KINDS["output"],
        plan_id=outcome.plan_id,
        values={"outcome": outcome},
        text=text,
        position=position,
        user=user,
        tags=(None, None),
    )


@transaction.atomic
def activity_create(
    *,
    output: Output,
    text: str,
    position: int | None = None,
    articles: Iterable[int] | None = None,
    lap_actions: Iterable[int] | None = None,
    user=None,
) -> Activity:
    """Adds an activity under an output at `position` (1-based, default last)."""
    return _part_insert(
        kind=KINDS["activity"],
        plan_id=Outcome.objects.values_list("plan_id", flat=True).get(pk=output.outcome_id),
        values={"output": output},
        text=text,
        position=position,
        user=user,
        tags=(articles, lap_actions),
    )


@transaction.atomic
def summary_item_create(
    *, plan: WorkPlan, kind: str, text: str, position: int | None = None, user=None
) -> SummaryItem:
    if kind not in SummaryKind.values:
        raise DomainError(f"Unknown summary list {kind!r}.", field="kind")
    return _part_insert(
        kind=KINDS["summary"],
        plan_id=plan.pk,
        values={"plan": plan, "kind": kind},
        text=text,
        position=position,
        user=user,
        tags=(None, None),
    )


def part_create(*, kind: PartKind, parent, text: str, position=None, user=None, **extra):
    """Dispatches to the named create service for `kind` with `parent` as its container."""
    if kind.slug == "paragraph":
        if isinstance(parent, SubSection):
            return paragraph_create(
                section=parent.section, subsection=parent, text=text, position=position, user=user
            )
        return paragraph_create(section=parent, text=text, position=position, user=user)
    if kind.slug == "item":
        return lettered_item_create(
            paragraph=parent, text=text, position=position, user=user, **extra
        )
    if kind.slug == "outcome":
        return outcome_create(plan=parent, text=text, position=position, user=user)
    if kind.slug == "output":
        return output_create(outcome=parent, text=text, position=position, user=user)
    if kind.slug == "activity":
        return activity_create(output=parent, text=text, position=position, user=user, **extra)
    if kind.slug == "summary":
        return summary_item_create(
            plan=parent, text=text, position=position, user=user, kind=extra["summary_kind"]
        )
    raise AssertionError(kind)


# --- parts: update, delete, move -------------------------------------------------------------


def _locked_part(part):
    kind = kind_of(part)
    plan = _locked_plan(kind.plan_id_of(part))
    try:
        fresh = kind.model.objects.select_for_update().get(pk=part.pk)
    except kind.model.DoesNotExist as exc:
        raise DomainError(f"This {kind.label} has been deleted in the meantime.") from exc
    return kind, plan, fresh


@transaction.atomic
def part_update(
    *,
    part,
    text: str,
    version: int,
    user=None,
    articles: Iterable[int] | None = None,
    lap_actions: Iterable[int] | None = None,
):
    """Replaces a part's text (and, for activities and lettered items, its tags) if `version`
    is the version the editor started from; otherwise refuses and names the current text."""
    kind, plan, fresh = _locked_part(part)
    _require_editable(plan, user)
    if version is None:
        raise DomainError("The version you edited is required.", field="version")
    _check_version(fresh, version=version, kind=kind)
    text = clean_text(text, label=kind.label)
    new_articles, new_actions = _tags(articles, lap_actions) if kind.taggable else (None, None)
    tags_changed = False
    if new_articles is not None and {a.pk for a in new_articles} != set(
        fresh.articles.values_list("pk", flat=True)
    ):
        fresh.articles.set(new_articles)
        tags_changed = True
    if new_actions is not None and {a.pk for a in new_actions} != set(
        fresh.lap_actions.values_list("pk", flat=True)
    ):
        fresh.lap_actions.set(new_actions)
        tags_changed = True
    if text == fresh.text and not tags_changed:
        return fresh
    fresh.text = text
    fresh.version += 1
    reason = "edited"
    if tags_changed:
        # The history rows snapshot the text; the tags they had are written into the reason.
        articles_now = ", ".join(str(n) for n in sorted(a.number for a in fresh.articles.all()))
        actions_now = ", ".join(str(n) for n in sorted(a.number for a in fresh.lap_actions.all()))
        reason = (
            f"edited; tags now: articles {articles_now or 'none'}; "
            f"LAP actions {actions_now or 'none'}"
        )
    _save(fresh, user=user, reason=reason)
    return fresh


@transaction.atomic
def part_delete(*, part, user=None, version: int | None = None) -> None:
    """Deletes a part (and what it contains); the parts after it move up."""
    kind, plan, fresh = _locked_part(part)
    _require_editable(plan, user)
    _check_version(fresh, version=version, kind=kind)
    siblings = [s for s in kind.siblings(fresh) if s.pk != fresh.pk]
    fresh._history_user = user
    fresh.delete()
    _renumber(siblings)


@transaction.atomic
def part_move(*, part, position: int, user=None, version: int | None = None):
    """Moves a part to `position` (1-based) among the parts of its container; the numbers and
    letters of the others follow. An impossible position is refused."""
    kind, plan, fresh = _locked_part(part)
    _require_editable(plan, user)
    _check_version(fresh, version=version, kind=kind)
    siblings = list(kind.siblings(fresh))
    try:
        position = int(position)
    except (TypeError, ValueError) as exc:
        raise DomainError(f"{position!r} is not a position.", field="position") from exc
    if not 1 <= position <= len(siblings):
        raise DomainError(
            f"Position {position} is impossible: this {kind.label} can move to 1 to "
            f"{len(siblings)}.",
            field="position",
        )
    current = next(i for i, s in enumerate(siblings, start=1) if s.pk == fresh.pk)
    if current == position:
        return fresh
    others = [s for s in siblings if s.pk != fresh.pk]
    others.insert(position - 1, fresh)
    for index, sibling in enumerate(others, start=1):
        sibling.position = index
    kind.model.objects.bulk_update([s for s in others if s.pk != fresh.pk], ["position"])
    fresh.version += 1
    _save(fresh, user=user, reason=f"moved from {current} to {position}")
    return fresh


# --- the plan itself -------------------------------------------------------------------------

PLAN_FIELDS = (
    "title",
    "symbol",
    "document_date",
    "original_language",
    "distribution",
    "meeting",
    "agenda_item",
    "submitted_by",
    "title_footnote",
    "main_objective",
    "specific_objectives_intro",
)

STANDARD_SECTIONS = [
    ("Mandate of the Implementation Support Unit", SectionKind.PARAGRAPHS),
    ("Premise of the {year} Work Plan", SectionKind.PARAGRAPHS),
    ("Priorities of the Implementation Support Unit", SectionKind.PARAGRAPHS),
    ("Expected outcomes", SectionKind.PARAGRAPHS),
    ("{year} Outcomes, outputs and activities", SectionKind.RESULTS),
    ("{year} Budget of the Implementation Support Unit", SectionKind.BUDGET),
]


def _check_plan_fields(values: dict) -> None:
    errors = []
    title = (values.get("title") or "").strip()
    if not title:
        errors.append("The plan's title is required.")
    elif len(title) > TITLE_MAX_LENGTH:
        errors.append(f"The plan's title is longer than {TITLE_MAX_LENGTH} characters.")
    for field, limit in (("symbol", 60), ("submitted_by", 200), ("title_footnote", 300)):
        if len(values.get(field) or "") > limit:
            errors.append(f"The {field.replace('_', ' ')} is longer than {limit} characters.")
    if len(values.get("main_objective") or "") > TEXT_MAX_LENGTH:
        errors.append(f"The main objective is longer than {TEXT_MAX_LENGTH} characters.")
    if errors:
        raise DomainError(errors)


@transaction.atomic
def plan_create(*, year: int, title: str = "", user=None, **fields) -> WorkPlan:
    """A new draft plan for `year` with the six standard sections and nothing in them."""
    if user is not None and not access.can_create_workplan(user):
        raise DomainError("You may not create work plans.")
    if not 2000 <= int(year) <= 2100:
        raise DomainError(f"{year} is not a plausible year for a work plan.", field="year")
    if WorkPlan.objects.filter(year=year).exists():
        raise DomainError(f"A work plan for {year} already exists.", field="year")
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise DomainError(f"Unknown field(s): {', '.join(sorted(unknown))}")
    title = title or f"Implementation Support Unit {year} Work Plan and Budget"
    values = {"title": title, **fields}
    _check_plan_fields(values)
    plan = WorkPlan(year=year, status=PlanStatus.DRAFT, created_by=user, **values)
    _save(plan, user=user, reason="created")
    for position, (section_title, kind) in enumerate(STANDARD_SECTIONS, start=1):
        section = Section(
            plan=plan, title=section_title.format(year=year), kind=kind, position=position
        )
        _save(section, user=user, reason="created")
    return plan


@transaction.atomic
def plan_update(*, plan: WorkPlan, version: int, user=None, **fields) -> WorkPlan:
    """Changes the plan's header and summary fields, guarded by the plan's version."""
    fresh = _locked_plan(plan.pk)
    _require_editable(fresh, user)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise DomainError(f"Unknown field(s): {', '.join(sorted(unknown))}")
    if version is None or int(version) != fresh.version:
        raise DomainError(
            f"The plan was changed by someone else after you opened it (you edited version "
            f"{version}, it is now at version {fresh.version}). Nothing was saved.",
            field="version",
        )
    values = {f: getattr(fresh, f) for f in PLAN_FIELDS} | fields
    _check_plan_fields(values)
    for field, value in fields.items():
        setattr(fresh, field, value.strip() if isinstance(value, str) else value)
    fresh.version += 1
    _save(fresh, user=user, reason="edited")
    return fresh


@transaction.atomic
def plan_delete(*, plan: WorkPlan, user=None) -> None:
    fresh = _locked_plan(plan.pk)
    _require_editable(fresh, user)
    fresh._history_user = user
    fresh.delete()


def _next_year_text(text: str, *, source_year: int) -> str:
    return re.sub(rf"\b{source_year}\b", str(source_year + 1), text)


@transaction.atomic
def plan_copy_to_next_year(*, source: WorkPlan, user=None) -> WorkPlan:
    """A draft for the year after `source`, holding a copy of its whole structure (summary,
    sections, sub-sections, paragraphs, lettered items, the results table and every tag) for
    the ISU to revise. The year in titles moves on by one; the symbol and date are left for the
    new document. Refused if that year already has a plan."""
    if user is not None and not access.can_create_workplan(user):
        raise DomainError("You may not create work plans.")
    year = source.year + 1
    if WorkPlan.objects.filter(year=year).exists():
        raise DomainError(f"A work plan for {year} already exists.", field="year")
    from meetings.models import Meeting

    meeting = None
    if source.meeting_id and source.meeting.number:
        meeting = Meeting.objects.filter(
            kind=source.meeting.kind, number=source.meeting.number + 1
        ).first()
    plan = WorkPlan(
        year=year,
        title=_next_year_text(source.title, source_year=source.year),
        original_language=source.original_language,
        distribution=source.distribution,
        meeting=meeting,
        agenda_item=source.agenda_item,
        submitted_by=source.submitted_by,
        title_footnote=source.title_footnote,
        main_objective=source.main_objective,
        specific_objectives_intro=source.specific_objectives_intro,
        status=PlanStatus.DRAFT,
        created_by=user,
    )
    reason = f"copied from the {source.year} plan"
    _save(plan, user=user, reason=reason)

    def copy(obj, **changes):
        obj.pk = obj.id = None
        obj.version = 1
        obj._state.adding = True
        # The prefetched tags belong to the original; the copy's own tags are set afterwards.
        obj._prefetched_objects_cache = {}
        for field, value in changes.items():
            setattr(obj, field, value)
        _save(obj, user=user, reason=reason)
        return obj

    for item in SummaryItem.objects.filter(plan=source):
        copy(item, plan=plan)
    subsection_map = {}
    section_map = {}
    for section in Section.objects.filter(plan=source):
        old = section.pk
        section_map[old] = copy(
            section, plan=plan, title=_next_year_text(section.title, source_year=source.year)
        )
    for subsection in SubSection.objects.filter(section__plan=source):
        old = subsection.pk
        subsection_map[old] = copy(subsection, section=section_map[subsection.section_id])
    items_by_paragraph: dict[int, list[LetteredItem]] = {}
    for item in LetteredItem.objects.filter(paragraph__section__plan=source).prefetch_related(
        "articles", "lap_actions"
    ):
        items_by_paragraph.setdefault(item.paragraph_id, []).append(item)
    for paragraph in Paragraph.objects.filter(section__plan=source):
        old = paragraph.pk
        new = copy(
            paragraph,
            section=section_map[paragraph.section_id],
            subsection=subsection_map.get(paragraph.subsection_id),
        )
        for item in items_by_paragraph.get(old, []):
            articles, actions = list(item.articles.all()), list(item.lap_actions.all())
            new_item = copy(item, paragraph=new)
            new_item.articles.set(articles)
            new_item.lap_actions.set(actions)
    activities_by_output: dict[int, list[Activity]] = {}
    for activity in Activity.objects.filter(output__outcome__plan=source).prefetch_related(
        "articles", "lap_actions"
    ):
        activities_by_output.setdefault(activity.output_id, []).append(activity)
    outputs_by_outcome: dict[int, list[Output]] = {}
    for output in Output.objects.filter(outcome__plan=source):
        outputs_by_outcome.setdefault(output.outcome_id, []).append(output)
    for outcome in Outcome.objects.filter(plan=source):
        old_outcome = outcome.pk
        new_outcome = copy(outcome, plan=plan)
        for output in outputs_by_outcome.get(old_outcome, []):
            old_output = output.pk
            new_output = copy(output, outcome=new_outcome)
            for activity in activities_by_output.get(old_output, []):
                articles, actions = list(activity.articles.all()), list(activity.lap_actions.all())
                new_activity = copy(activity, output=new_output)
                new_activity.articles.set(articles)
                new_activity.lap_actions.set(actions)
    from budget.services import budget_copy

    budget_copy(source=source, target=plan)
    return plan
