"""Writes to the Sponsorship Programme. Atomic; DomainError on bad input, nothing changed."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from accounts import access
from isu_portal.errors import DomainError
from meetings.models import Meeting, Participant, ParticipantStatus
from sponsorship import scoring
from sponsorship.models import (
    ApplicationStatus,
    Article,
    ItemKind,
    ObligationDeadline,
    RequestedItem,
    ScoreAdjustment,
    SponsorshipApplication,
    SponsorshipBudget,
)

CENT = Decimal("0.01")


def chf(value) -> Decimal:
    """A non-negative amount in francs, rounded half up to the centime."""
    try:
        amount = Decimal(str(value).strip())
        if amount.is_finite():
            amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError, TypeError) as exc:
        raise DomainError(f"{value!r} is not an amount in CHF.") from exc
    if not amount.is_finite() or amount < 0:
        raise DomainError(f"An amount cannot be negative ({amount}).")
    return amount


def criteria_for(*, meeting: Meeting, participant: Participant, is_survivor: bool):
    deadlines = ObligationDeadline.objects.filter(state=participant.state).values_list(
        "deadline", flat=True
    )
    return scoring.score_breakdown(
        gender=participant.gender,
        is_survivor=is_survivor,
        state=participant.state,
        on=meeting.start_date,
        deadlines=list(deadlines),
        under_represented_regions=settings.SPONSORSHIP_UNDER_REPRESENTED_REGIONS,
        horizon_years=settings.SPONSORSHIP_DEADLINE_HORIZON_YEARS,
    )


@transaction.atomic
def application_submit(
    *,
    participant: Participant,
    national_role: str,
    items: list[tuple[str, int, object]],
    submitted_by,
    is_survivor: bool = False,
) -> SponsorshipApplication:
    """Files an application for a registered State participant with the requested items
    (kind, quantity, estimated CHF) and gives it its computed priority score. A delegate
    applies only for their own State's participants."""
    if participant.state_id is None:
        raise DomainError("Sponsorship is for delegates of States, not of organisations.")
    if not access.can_apply_for_sponsorship(submitted_by, participant.state):
        raise PermissionDenied("You may apply only for your own State's delegates.")
    if participant.status == ParticipantStatus.REJECTED:
        raise DomainError(f"The ISU did not approve {participant.name}'s registration.")
    if SponsorshipApplication.objects.filter(participant=participant).exists():
        raise DomainError(f"{participant.name} already has an application for this meeting.")
    national_role = (national_role or "").strip()
    errors = []
    if not national_role:
        errors.append("Describe the applicant's role in national implementation.")
    cleaned = []
    seen = set()
    for kind, quantity, estimate in items:
        if kind not in ItemKind.values:
            errors.append(f"Unknown item {kind!r}.")
            continue
        if kind in seen:
            errors.append(f"{ItemKind(kind).label} is requested twice.")
            continue
        seen.add(kind)
        label = ItemKind(kind).label
        try:
            quantity = int(quantity)
        except (ValueError, TypeError):
            errors.append(f"{label}: the quantity must be a whole number.")
            continue
        try:
            amount = chf(estimate)
        except DomainError as error:
            errors.extend(f"{label}: {message}" for message in error.messages)
            continue
        if quantity < 1:
            errors.append(f"{label}: the quantity must be at least 1.")
            continue
        cleaned.append((kind, quantity, amount))
    if not cleaned and not errors:
        errors.append("Request at least one item: flight, daily allowance or nights.")
    if errors:
        raise DomainError(errors)
    meeting = participant.meeting
    score = scoring.score_total(
        criteria_for(meeting=meeting, participant=participant, is_survivor=is_survivor)
    )
    application = SponsorshipApplication.objects.create(
        meeting=meeting,
        participant=participant,
        state=participant.state,
        is_survivor=is_survivor,
        national_role=national_role,
        computed_score=score,
        score=score,
        submitted_by=submitted_by,
    )
    RequestedItem.objects.bulk_create(
        RequestedItem(application=application, kind=k, quantity=q, estimate_chf=a)
        for k, q, a in cleaned
    )
    return application


@transaction.atomic
def score_adjust(
    *, application: SponsorshipApplication, new_score: int, reason: str, adjusted_by
) -> SponsorshipApplication:
    """Sets the score staff decided on, recording the previous score and the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("Give the reason for changing the score.", field="reason")
    if not isinstance(new_score, int) or not -100 <= new_score <= 100:
        raise DomainError("A score is a whole number between -100 and 100.", field="new_score")
    application = SponsorshipApplication.objects.select_for_update().get(pk=application.pk)
    if new_score == application.score:
        raise DomainError(f"The score is already {new_score}.", field="new_score")
    ScoreAdjustment.objects.create(
        application=application,
        previous_score=application.score,
        new_score=new_score,
        reason=reason,
        adjusted_by=adjusted_by,
    )
    application.score = new_score
    application.save(update_fields=["score"])
    return application


def awarded_total(*, meeting: Meeting, exclude: SponsorshipApplication | None = None) -> Decimal:
    items = RequestedItem.objects.filter(
        application__meeting=meeting, application__status=ApplicationStatus.AWARDED
    )
    if exclude is not None:
        items = items.exclude(application=exclude)
    return items.aggregate(total=Sum("awarded_chf"))["total"] or Decimal("0.00")


@transaction.atomic
def application_decide(
    *,
    application: SponsorshipApplication,
    status: str,
    decided_by,
    awards: dict[str, object] | None = None,
    note: str = "",
) -> SponsorshipApplication:
    """Awards (items and amounts), declines or puts an application on the waiting list. An
    award never exceeds an item's estimate nor, with the meeting's other awards, the meeting's
    sponsorship budget."""
    if status not in (
        ApplicationStatus.AWARDED,
        ApplicationStatus.DECLINED,
        ApplicationStatus.WAITING_LIST,
    ):
        raise DomainError("Decide to award, decline or put on the waiting list.", field="status")
    # Lock the budget row: two awards at once cannot both fit a budget only one fits.
    budget = (
        SponsorshipBudget.objects.select_for_update()
        .filter(meeting_id=application.meeting_id)
        .first()
    )
    application = SponsorshipApplication.objects.select_for_update().get(pk=application.pk)
    items = list(application.items.all())
    amounts: dict[int, Decimal | None] = {item.pk: None for item in items}
    if status == ApplicationStatus.AWARDED:
        awards = awards or {}
        errors = []
        unknown = set(awards) - {item.kind for item in items}
        if unknown:
            errors.append(f"Not requested: {', '.join(sorted(unknown))}.")
        for item in items:
            if item.kind not in awards or awards[item.kind] in (None, ""):
                continue
            try:
                amount = chf(awards[item.kind])
            except DomainError as error:
                errors.extend(error.messages)
                continue
            if amount > item.estimate_chf:
                errors.append(
                    f"{item.get_kind_display()}: CHF {amount} is more than the estimate "
                    f"(CHF {item.estimate_chf})."
                )
            amounts[item.pk] = amount
        total = sum((a for a in amounts.values() if a is not None), Decimal("0.00"))
        if not errors and total <= 0:
            errors.append("An award needs at least one item with an amount.")
        if budget is None:
            errors.append("Set the meeting's sponsorship budget before awarding.")
        elif not errors:
            committed = awarded_total(meeting=application.meeting, exclude=application)
            if committed + total > budget.amount:
                errors.append(
                    f"Awarding CHF {total} would exceed the sponsorship budget of "
                    f"CHF {budget.amount} by CHF {committed + total - budget.amount} "
                    f"(CHF {committed} already awarded)."
                )
        if errors:
            raise DomainError(errors)
    for item in items:
        if item.awarded_chf != amounts[item.pk]:
            item.awarded_chf = amounts[item.pk]
            item.save(update_fields=["awarded_chf"])
    application.status = status
    application.decision_note = (note or "").strip()
    application.decided_by = decided_by
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decision_note", "decided_by", "decided_at"])
    return application


@transaction.atomic
def budget_set(*, meeting: Meeting, amount) -> SponsorshipBudget:
    """Sets the meeting's sponsorship budget; it cannot fall below what was already awarded."""
    amount = chf(amount)
    SponsorshipBudget.objects.select_for_update().filter(meeting=meeting).first()
    committed = awarded_total(meeting=meeting)
    if amount < committed:
        raise DomainError(
            f"CHF {committed} is already awarded; the budget cannot be less.", field="amount"
        )
    budget, _ = SponsorshipBudget.objects.update_or_create(
        meeting=meeting, defaults={"amount": amount}
    )
    return budget


@transaction.atomic
def deadline_save(*, state, article: int, deadline: date, note: str = "") -> ObligationDeadline:
    """Records (or moves, after an extension) a State's Article 3 or 4 deadline."""
    if article not in Article.values:
        raise DomainError("Deadlines are kept for Article 3 and Article 4.", field="article")
    if deadline is None:
        raise DomainError("Give the deadline date.", field="deadline")
    record, _ = ObligationDeadline.objects.update_or_create(
        state=state, article=article, defaults={"deadline": deadline, "note": (note or "").strip()}
    )
    return record


@transaction.atomic
def deadline_delete(*, record: ObligationDeadline) -> None:
    record.delete()
