"""Reads of the States registry."""

from datetime import date

from django.db.models import Count, QuerySet
from django.utils import timezone

from parties.models import ParticipationStatus, State


def state_list(
    *, status: str = "", region: str = "", search: str = "", on: date | None = None
) -> QuerySet[State]:
    day = on or timezone.localdate()
    states = State.objects.annotate(contact_count=Count("contacts"))
    if region:
        states = states.filter(region=region)
    if search:
        states = states.filter(name__icontains=search.strip())
    if status == ParticipationStatus.STATE_PARTY:
        states = states.parties_on(day)
    elif status == ParticipationStatus.SIGNATORY:
        states = states.signatories_on(day)
    elif status == ParticipationStatus.WITHDRAWN:
        states = states.filter(withdrawal_effective_date__lte=day)
    return states.order_by("name")


def state_detail(*, iso3: str) -> State:
    return State.objects.prefetch_related("contacts").get(iso3=iso3.upper())


def state_counts(*, on: date) -> dict[str, int]:
    return {
        "parties": State.objects.parties_on(on).count(),
        "signatories": State.objects.signatories_on(on).count(),
    }
