"""Writes to budgets. Every function is atomic, validates before writing, raises DomainError
with a clear message on bad input, a stale version or a plan that is no longer a draft, and
then changes nothing. Derived figures are rewritten by `budget_recompute` in the same
transaction, so a reader never sees a Salaries or Social charges line out of step."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Max

from budget import arithmetic
from budget.formatting import format_chf, format_percent
from budget.models import (
    CATEGORY_ORDER,
    BudgetEnvelope,
    BudgetNote,
    BudgetParameters,
    CostCategory,
    CostLine,
    InKindContribution,
    NoteKind,
    StaffPosition,
)
from isu_portal.errors import DomainError

MAX_AMOUNT = Decimal("9999999999.99")
MAX_NOTE_LENGTH = 2000
MAX_TITLE_LENGTH = 200


# --- validation helpers -------------------------------------------------------------------


def _require_draft(plan) -> None:
    from workplan.models import PlanStatus

    if plan.status != PlanStatus.DRAFT:
        raise DomainError(
            f"The {plan.year} plan is {plan.get_status_display().lower()}: "
            "only a draft's budget can change."
        )


def _amount(value, *, label: str, field: str = "amount", required: bool = True) -> Decimal | None:
    if value is None or value == "":
        if required:
            raise DomainError(f"{label}: enter an amount in CHF.", field=field)
        return None
    if isinstance(value, float):
        value = str(value)
    try:
        amount = Decimal(str(value).replace("'", "").replace("\u2019", "").strip())
    except (InvalidOperation, ValueError):
        raise DomainError(
            f"{label}: {value!r} is not an amount (write e.g. 27000 or 27'000.50).", field=field
        ) from None
    if not amount.is_finite():
        raise DomainError(f"{label}: {value!r} is not an amount.", field=field)
    if amount < 0:
        raise DomainError(f"{label}: an amount cannot be negative.", field=field)
    if amount > MAX_AMOUNT:
        raise DomainError(f"{label}: {value} is too large.", field=field)
    if amount != amount.quantize(arithmetic.CENTIME):
        raise DomainError(f"{label}: at most two decimals (centimes).", field=field)
    return amount.quantize(arithmetic.CENTIME)


def _percent(
    value, *, label: str, field: str, minimum: Decimal, required: bool = False
) -> Decimal | None:
    if value is None or value == "":
        if required:
            raise DomainError(f"{label}: enter a percentage.", field=field)
        return None
    try:
        rate = Decimal(str(value).replace("%", "").strip())
    except (InvalidOperation, ValueError):
        raise DomainError(f"{label}: {value!r} is not a percentage.", field=field) from None
    if not rate.is_finite() or rate < minimum or rate > 100:
        raise DomainError(
            f"{label}: a percentage from {format_percent(minimum)} to 100%.", field=field
        )
    if rate != rate.quantize(arithmetic.CENTIME):
        raise DomainError(f"{label}: at most two decimals.", field=field)
    return rate.quantize(arithmetic.CENTIME)


def _text(value, *, label: str, field: str, required: bool, limit: int = MAX_NOTE_LENGTH) -> str:
    text = (value or "").strip()
    if required and not text:
        raise DomainError(f"{label} cannot be empty.", field=field)
    if len(text) > limit:
        raise DomainError(f"{label} is {len(text)} characters long; at most {limit}.", field=field)
    return text


def _count(value, *, label: str, field: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise DomainError(f"{label}: {value!r} is not a whole number.", field=field) from None
    if number < 0 or number > 1000:
        raise DomainError(f"{label}: a number from 0 to 1000.", field=field)
    return number


def _locked(model, pk):
    """The row, re-read and locked for the rest of the transaction."""
    try:
        return model.objects.select_for_update().select_related("plan").get(pk=pk)
    except model.DoesNotExist:
        raise DomainError("This item no longer exists: someone deleted it.") from None


def _check_version(current, expected_version, *, newer: str) -> None:
    if expected_version is None:
        return
    if int(expected_version) != current.version:
        raise DomainError(
            "Someone else saved a change while you were editing; your change was not saved. "
            f"It now reads: {newer}. Review it and save again."
        )


def _describe_line(line: CostLine) -> str:
    text = f"{line.get_category_display()} CHF {format_chf(line.amount)}"
    return f"{text} ({line.note})" if line.note else text


def _describe_position(position: StaffPosition) -> str:
    cost = f", CHF {format_chf(position.annual_cost)}" if position.annual_cost is not None else ""
    return f"{position.title} at {format_percent(position.share_of_time)}{cost}"


def _bump(instance, fields: list[str]) -> None:
    instance.version += 1
    instance.save(update_fields=[*fields, "version"])


# --- derived figures ----------------------------------------------------------------------


def salaries_are_derived(positions: list[StaffPosition]) -> bool:
    return arithmetic.every_position_costed([p.annual_cost for p in positions])


def travel_note_text(parameters: BudgetParameters) -> str:
    """The travel budget note as the 2025 document words it."""
    return (
        "Anticipates in-country support with an average of "
        f"{parameters.flights} {parameters.flight_class} class flights expected "
        f"({parameters.long_haul_flights} long haul and "
        f"{parameters.short_or_medium_haul_flights} short or medium haul)."
    )


def budget_recompute(*, plan) -> None:
    """Rewrites the derived figures of a plan from what they derive from: Salaries from the
    costed positions, Social charges from Salaries and the rate, travel notes from the travel
    plan. Touches (and versions) only what changed."""
    lines = {line.category: line for line in CostLine.objects.select_for_update().filter(plan=plan)}
    positions = list(StaffPosition.objects.filter(plan=plan))
    parameters = BudgetParameters.objects.filter(plan=plan).first()

    if salaries_are_derived(positions):
        salaries = arithmetic.salaries_of(p.annual_cost for p in positions)
        line = lines.get(CostCategory.SALARIES)
        if line is None:
            lines[CostCategory.SALARIES] = CostLine.objects.create(
                plan=plan,
                category=CostCategory.SALARIES,
                amount=salaries,
                position=CATEGORY_ORDER[CostCategory.SALARIES],
            )
        elif line.amount != salaries:
            line.amount = salaries
            _bump(line, ["amount"])

    if parameters is not None and parameters.social_charges_rate is not None:
        salaries_line = lines.get(CostCategory.SALARIES)
        base = salaries_line.amount if salaries_line else Decimal("0")
        charges = arithmetic.social_charges(
            salaries=base, rate_percent=parameters.social_charges_rate
        )
        line = lines.get(CostCategory.SOCIAL_CHARGES)
        if line is None:
            CostLine.objects.create(
                plan=plan,
                category=CostCategory.SOCIAL_CHARGES,
                amount=charges,
                position=CATEGORY_ORDER[CostCategory.SOCIAL_CHARGES],
            )
        elif line.amount != charges:
            line.amount = charges
            _bump(line, ["amount"])

    if parameters is not None:
        text = travel_note_text(parameters)
        for note in BudgetNote.objects.filter(plan=plan, from_travel_plan=True):
            if note.text != text:
                note.text = text
                _bump(note, ["text"])


def derived_categories(*, plan) -> set[str]:
    """The categories whose amount is computed for this plan (and so cannot be typed)."""
    derived = set()
    if salaries_are_derived(list(StaffPosition.objects.filter(plan=plan))):
        derived.add(CostCategory.SALARIES)
    parameters = BudgetParameters.objects.filter(plan=plan).first()
    if parameters is not None and parameters.social_charges_rate is not None:
        derived.add(CostCategory.SOCIAL_CHARGES)
    return derived


def _derived_refusal(category: str) -> str:
    if category == CostCategory.SALARIES:
        return "Salaries is the sum of the costed positions: change the positions' costs instead."
    return "Social charges are computed as a rate of salaries: change the rate instead."


# --- cost lines ---------------------------------------------------------------------------


@transaction.atomic
def cost_line_create(*, plan, category: str, amount, note: str = "") -> CostLine:
    """Adds the plan's line for a category (one line per category), placed in the seed's
    order; derived figures follow."""
    _require_draft(plan)
    if category not in CostCategory.values:
        raise DomainError(f"{category!r} is not a cost category.", field="category")
    label = CostCategory(category).label
    if CostLine.objects.filter(plan=plan, category=category).exists():
        raise DomainError(f"The {plan.year} budget already has a {label} line.", field="category")
    if category in derived_categories(plan=plan):
        raise DomainError(_derived_refusal(category), field="amount")
    line = CostLine.objects.create(
        plan=plan,
        category=category,
        amount=_amount(amount, label=label),
        note=_text(note, label="The note", field="note", required=False),
        position=CATEGORY_ORDER[category],
    )
    budget_recompute(plan=plan)
    line.refresh_from_db()
    return line


@transaction.atomic
def cost_line_update(*, line: CostLine, amount, note: str, expected_version=None) -> CostLine:
    """Changes a line's amount and note, refusing a stale version (nothing overwritten) and
    a typed amount on a derived line; derived lines and the total follow at once."""
    current = _locked(CostLine, line.pk)
    _require_draft(current.plan)
    _check_version(current, expected_version, newer=_describe_line(current))
    label = current.get_category_display()
    new_amount = _amount(amount, label=label)
    new_note = _text(note, label="The note", field="note", required=False)
    if current.category in derived_categories(plan=current.plan) and new_amount != current.amount:
        raise DomainError(_derived_refusal(current.category), field="amount")
    if (new_amount, new_note) != (current.amount, current.note):
        current.amount, current.note = new_amount, new_note
        _bump(current, ["amount", "note"])
        budget_recompute(plan=current.plan)
        current.refresh_from_db()
    return current


@transaction.atomic
def cost_line_delete(*, line: CostLine, expected_version=None) -> None:
    current = _locked(CostLine, line.pk)
    _require_draft(current.plan)
    _check_version(current, expected_version, newer=_describe_line(current))
    if current.category in derived_categories(plan=current.plan):
        raise DomainError(
            f"{current.get_category_display()} is computed; remove what it is computed from."
        )
    current.delete()
    budget_recompute(plan=current.plan)


# --- staffing -----------------------------------------------------------------------------


def _share(value) -> Decimal:
    return _percent(
        value, label="Share of time", field="share_of_time", minimum=Decimal("0.01"), required=True
    )


def _next_position(queryset) -> int:
    highest = queryset.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


@transaction.atomic
def staff_position_create(*, plan, title: str, share_of_time, annual_cost=None) -> StaffPosition:
    _require_draft(plan)
    position = StaffPosition.objects.create(
        plan=plan,
        title=_text(title, label="The title", field="title", required=True, limit=200),
        share_of_time=_share(share_of_time),
        annual_cost=_amount(annual_cost, label="Yearly cost", field="annual_cost", required=False),
        position=_next_position(StaffPosition.objects.filter(plan=plan)),
    )
    budget_recompute(plan=plan)
    return position


@transaction.atomic
def staff_position_update(
    *, position: StaffPosition, title: str, share_of_time, annual_cost, expected_version=None
) -> StaffPosition:
    """Changes a position; when every position is costed Salaries becomes their sum, and
    Social charges follow."""
    current = _locked(StaffPosition, position.pk)
    _require_draft(current.plan)
    _check_version(current, expected_version, newer=_describe_position(current))
    values = {
        "title": _text(title, label="The title", field="title", required=True, limit=200),
        "share_of_time": _share(share_of_time),
        "annual_cost": _amount(
            annual_cost, label="Yearly cost", field="annual_cost", required=False
        ),
    }
    changed = [field for field, value in values.items() if getattr(current, field) != value]
    if changed:
        for field in changed:
            setattr(current, field, values[field])
        _bump(current, changed)
        budget_recompute(plan=current.plan)
    return current


@transaction.atomic
def staff_position_delete(*, position: StaffPosition, expected_version=None) -> None:
    current = _locked(StaffPosition, position.pk)
    _require_draft(current.plan)
    _check_version(current, expected_version, newer=_describe_position(current))
    current.delete()
    budget_recompute(plan=current.plan)


# --- parameters (social charges rate, travel plan) ----------------------------------------


@transaction.atomic
def budget_parameters_update(
    *,
    plan,
    social_charges_rate,
    long_haul_flights,
    short_or_medium_haul_flights,
    flight_class: str = BudgetParameters.FlightClass.ECONOMY,
    expected_version=None,
) -> BudgetParameters:
    """Sets the social charges rate (None: Social charges typed by hand) and the travel plan;
    the Social charges line and the travel note are rewritten from them."""
    _require_draft(plan)
    parameters, _ = BudgetParameters.objects.select_for_update().get_or_create(plan=plan)
    rate_text = format_percent(parameters.social_charges_rate) or "no rate"
    _check_version(
        parameters,
        expected_version,
        newer=f"social charges {rate_text}; {travel_note_text(parameters)}",
    )
    if flight_class not in BudgetParameters.FlightClass.values:
        raise DomainError(f"{flight_class!r} is not a class of travel.", field="flight_class")
    values = {
        "social_charges_rate": _percent(
            social_charges_rate,
            label="Social charges rate",
            field="social_charges_rate",
            minimum=Decimal("0"),
        ),
        "long_haul_flights": _count(
            long_haul_flights, label="Long-haul flights", field="long_haul_flights"
        ),
        "short_or_medium_haul_flights": _count(
            short_or_medium_haul_flights,
            label="Short or medium-haul flights",
            field="short_or_medium_haul_flights",
        ),
        "flight_class": flight_class,
    }
    changed = [field for field, value in values.items() if getattr(parameters, field) != value]
    if changed:
        for field in changed:
            setattr(parameters, field, values[field])
        _bump(parameters, changed)
        budget_recompute(plan=plan)
    return parameters


# --- in-kind contributions ----------------------------------------------------------------


def _describe_in_kind(item: InKindContribution) -> str:
    return f"{item.item} ({item.provider}, in kind): {item.description}"


@transaction.atomic
def in_kind_create(*, plan, item: str, provider: str, description: str) -> InKindContribution:
    _require_draft(plan)
    return InKindContribution.objects.create(
        plan=plan,
        item=_text(item, label="The item", field="item", required=True, limit=200),
        provider=_text(provider, label="The provider", field="provider", required=True, limit=200),
        description=_text(
            description, label="The description", field="description", required=False
        ),
        position=_next_position(InKindContribution.objects.filter(plan=plan)),
    )


@transaction.atomic
def in_kind_update(
    *,
    contribution: InKindContribution,
    item: str,
    provider: str,
    description: str,
    expected_version=None,
) -> InKindContribution:
    current = _locked(InKindContribution, contribution.pk)
    _require_draft(current.plan)
    _check_version(current, expected_version, newer=_describe_in_kind(current))
    values = {
        "item": _text(item, label="The item", field="item", required=True, limit=200),
        "provider": _text(
            provider, label="The provider", field="provider", required=True, limit=200
        ),
        "description": _text(
            description, label="The description", field="description", required=False
        ),
    }
    changed = [field for field, value in values.items() if getattr(current, field) != value]
    if changed:
        for field in changed:
            setattr(current, field, values[field])
        _bump(current, changed)
    return current


@transaction.atomic
def in_kind_delete(*, contribution: InKindContribution, expected_version=None) -> None:
    current = _locked(InKindContribution, contribution.pk)
    _require_draft(current.plan)
    _check_version(current, expected_version, newer=_describe_in_kind(current))
    current.delete()


# --- budget notes and assumptions ---------------------------------------------------------


def _renumber(plan, kind: str, ordered: list[BudgetNote]) -> None:
    for index, note in enumerate(ordered):
        if note.position != index:
            note.position = index
            note.save(update_fields=["position"])


@transaction.atomic
def budget_note_create(
    *, plan, kind: str, text: str = "", from_travel_plan: bool = False
) -> BudgetNote:
    """Appends a budget note or an assumption. A note written from the travel plan takes its
    text from the travel plan (the typed text is ignored)."""
    _require_draft(plan)
    if kind not in NoteKind.values:
        raise DomainError(f"{kind!r} is neither a budget note nor an assumption.", field="kind")
    if from_travel_plan and kind != NoteKind.NOTE:
        raise DomainError("Only a budget note can be written from the travel plan.", field="kind")
    if from_travel_plan:
        parameters, _ = BudgetParameters.objects.get_or_create(plan=plan)
        text = travel_note_text(parameters)
    note = BudgetNote.objects.create(
        plan=plan,
        kind=kind,
        text=_text(text, label="The text", field="text", required=True),
        from_travel_plan=from_travel_plan,
        position=_next_position(BudgetNote.objects.filter(plan=plan, kind=kind)),
    )
    return note


@transaction.atomic
def budget_note_update(*, note: BudgetNote, text: str, expected_version=None) -> BudgetNote:
    current = _locked(BudgetNote, note.pk)
    _require_draft(current.plan)
    _check_version(current, expected_version, newer=f"“{current.text}”")
    if current.from_travel_plan:
        raise DomainError(
            "This note is written from the travel plan: change the number of flights instead.",
            field="text",
        )
    new_text = _text(text, label="The text", field="text", required=True)
    if new_text != current.text:
        current.text = new_text
        _bump(current, ["text"])
    return current


@transaction.atomic
def budget_note_delete(*, note: BudgetNote, expected_version=None) -> None:
    current = _locked(BudgetNote, note.pk)
    _require_draft(current.plan)
    _check_version(current, expected_version, newer=f"“{current.text}”")
    current.delete()
    remaining = list(
        BudgetNote.objects.filter(plan=current.plan, kind=current.kind).order_by("position", "id")
    )
    _renumber(current.plan, current.kind, remaining)


@transaction.atomic
def budget_note_move(*, note: BudgetNote, to: int, expected_version=None) -> BudgetNote:
    """Moves a note or assumption to place `to` (1 = first) of its list; the others close up."""
    current = _locked(BudgetNote, note.pk)
    _require_draft(current.plan)
    _check_version(current, expected_version, newer=f"“{current.text}”")
    siblings = list(
        BudgetNote.objects.select_for_update()
        .filter(plan=current.plan, kind=current.kind)
        .order_by("position", "id")
    )
    try:
        place = int(to)
    except (TypeError, ValueError):
        raise DomainError(f"{to!r} is not a place in the list.", field="to") from None
    if not 1 <= place <= len(siblings):
        raise DomainError(
            f"Place {place} does not exist: the list has {len(siblings)} item(s).", field="to"
        )
    old_place = [n.pk for n in siblings].index(current.pk) + 1
    if place == old_place:
        return current
    ordered = [n for n in siblings if n.pk != current.pk]
    ordered.insert(place - 1, next(n for n in siblings if n.pk == current.pk))
    _renumber(current.plan, current.kind, ordered)
    current.refresh_from_db()
    _bump(current, ["position"])
    return current


# --- the six-year envelope ----------------------------------------------------------------


@transaction.atomic
def budget_envelope_set(
    *, year: int, amount, source: str = "CCM/CONF/2020/Rev.1", expected_version=None
) -> BudgetEnvelope | None:
    """Enters (or, with an empty amount, removes) the six-year plan's figure for a year."""
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise DomainError(f"{year!r} is not a year.", field="year") from None
    if not 2000 <= year <= 2100:
        raise DomainError(f"{year} is not a plausible year.", field="year")
    value = _amount(amount, label=f"Envelope {year}", required=False)
    envelope = BudgetEnvelope.objects.select_for_update().filter(year=year).first()
    if envelope is not None:
        _check_version(
            envelope, expected_version, newer=f"{year}: CHF {format_chf(envelope.amount)}"
        )
    if value is None:
        if envelope is not None:
            envelope.delete()
        return None
    source = _text(source, label="The source", field="source", required=False, limit=200)
    if envelope is None:
        return BudgetEnvelope.objects.create(year=year, amount=value, source=source)
    if (envelope.amount, envelope.source) != (value, source):
        envelope.amount, envelope.source = value, source
        _bump(envelope, ["amount", "source"])
    return envelope


# --- copying a budget into the next year's plan ------------------------------------------


@transaction.atomic
def budget_copy(*, source, target) -> None:
    """Copies a plan's whole budget (lines, positions, parameters, in-kind, notes and
    assumptions) into an empty draft, for the ISU to revise. Refuses a target that already
    has a budget, so nothing is overwritten."""
    _require_draft(target)
    if (
        CostLine.objects.filter(plan=target).exists()
        or StaffPosition.objects.filter(plan=target).exists()
    ):
        raise DomainError(f"The {target.year} plan already has a budget; nothing was copied.")
    for line in CostLine.objects.filter(plan=source):
        CostLine.objects.create(
            plan=target,
            category=line.category,
            amount=line.amount,
            note=line.note,
            position=line.position,
        )
    for position in StaffPosition.objects.filter(plan=source):
        StaffPosition.objects.create(
            plan=target,
            title=position.title,
            share_of_time=position.share_of_time,
            annual_cost=position.annual_cost,
            position=position.position,
        )
    parameters = BudgetParameters.objects.filter(plan=source).first()
    if parameters is not None:
        BudgetParameters.objects.update_or_create(
            plan=target,
            defaults={
                "social_charges_rate": parameters.social_charges_rate,
                "long_haul_flights": parameters.long_haul_flights,
                "short_or_medium_haul_flights": parameters.short_or_medium_haul_flights,
                "flight_class": parameters.flight_class,
            },
        )
    for item in InKindContribution.objects.filter(plan=source):
        InKindContribution.objects.create(
            plan=target,
            item=item.item,
            provider=item.provider,
            description=item.description,
            position=item.position,
        )
    for note in BudgetNote.objects.filter(plan=source):
        BudgetNote.objects.create(
            plan=target,
            kind=note.kind,
            text=note.text,
            from_travel_plan=note.from_travel_plan,
            position=note.position,
        )
    budget_recompute(plan=target)
