"""Reads of the Sponsorship Programme: applications, the budget position and the report."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet, Sum

from accounts import access
from meetings.models import Gender, Meeting, Participant, ParticipantStatus
from parties.models import ParticipationStatus, Region
from sponsorship.models import (
    ApplicationStatus,
    RequestedItem,
    SponsorshipApplication,
    SponsorshipBudget,
)


def applications_for(*, user, meeting: Meeting) -> QuerySet[SponsorshipApplication]:
    """Staff see every application; a delegate their own State's; anyone else none."""
    applications = (
        SponsorshipApplication.objects.filter(meeting=meeting)
        .select_related("participant", "state")
        .prefetch_related(Prefetch("items", queryset=RequestedItem.objects.order_by("kind")))
        .order_by("-score", "submitted_at", "pk")
    )
    if access.can_manage_sponsorship(user):
        return applications
    state_id = access.delegate_state_id(user)
    return applications.filter(state_id=state_id) if state_id else applications.none()


@dataclass(frozen=True)
class BudgetPosition:
    budget: Decimal | None
    requested: Decimal
    awarded: Decimal

    @property
    def remaining(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.awarded


def budget_position(*, meeting: Meeting) -> BudgetPosition:
    """Requested and awarded totals against the meeting's sponsorship budget (two queries)."""
    budget = SponsorshipBudget.objects.filter(meeting=meeting).values_list("amount", flat=True)
    totals = RequestedItem.objects.filter(application__meeting=meeting).aggregate(
        requested=Sum("estimate_chf"),
        awarded=Sum("awarded_chf", filter=_awarded()),
    )
    cent = Decimal("0.01")
    return BudgetPosition(
        budget=budget.first(),
        requested=(totals["requested"] or Decimal("0")).quantize(cent),
        awarded=(totals["awarded"] or Decimal("0")).quantize(cent),
    )


def _awarded():
    from django.db.models import Q

    return Q(application__status=ApplicationStatus.AWARDED)


@dataclass
class Breakdown:
    """Counts of participants by one dimension, split into sponsored and not sponsored."""

    title: str  # lower case, as in "By region"
    rows: list[tuple[str, int, int]] = field(default_factory=list)  # label, sponsored, other

    @property
    def total_sponsored(self) -> int:
        return sum(row[1] for row in self.rows)

    @property
    def total_other(self) -> int:
        return sum(row[2] for row in self.rows)


@dataclass
class ParticipationReport:
    participants: int
    sponsored: int
    women_sponsored: int
    breakdowns: list[Breakdown]

    @property
    def women_share_of_sponsored(self) -> Decimal | None:
        """Percentage, one decimal, of women among sponsored delegates (None if none)."""
        if not self.sponsored:
            return None
        return (Decimal(100 * self.women_sponsored) / self.sponsored).quantize(Decimal("0.1"))


def _breakdown(title, labels, keyed) -> Breakdown:
    """`labels`: (key, label) in display order; `keyed`: list of (key, sponsored)."""
    sponsored = Counter(key for key, is_sponsored in keyed if is_sponsored)
    other = Counter(key for key, is_sponsored in keyed if not is_sponsored)
    rows = [(label, sponsored[key], other[key]) for key, label in labels]
    return Breakdown(title, [row for row in rows if row[1] or row[2]])


def participation_report(*, meeting: Meeting) -> ParticipationReport:
    """Approved participants of a meeting by gender, region and status of their State on the
    meeting's first day, sponsored or not (one query)."""
    participants = list(
        Participant.objects.filter(meeting=meeting, status=ParticipantStatus.APPROVED)
        .select_related("state", "sponsorship_application")
        .order_by("pk")
    )
    day = meeting.start_date
    facts = []
    for person in participants:
        application = getattr(person, "sponsorship_application", None)
        sponsored = application is not None and application.status == ApplicationStatus.AWARDED
        region = person.state.region if person.state_id else "organisation"
        status = person.state.status_on(day) if person.state_id else "organisation"
        facts.append((person.gender, region, status, sponsored))
    organisation = [("organisation", "Organisations")]
    statuses = [(s.value, s.label) for s in ParticipationStatus]
    return ParticipationReport(
        participants=len(facts),
        sponsored=sum(1 for f in facts if f[3]),
        women_sponsored=sum(1 for f in facts if f[3] and f[0] == Gender.FEMALE),
        breakdowns=[
            _breakdown("gender", list(Gender.choices), [(f[0], f[3]) for f in facts]),
            _breakdown(
                "region", list(Region.choices) + organisation, [(f[1], f[3]) for f in facts]
            ),
            _breakdown(
                "status of the State", statuses + organisation, [(f[2], f[3]) for f in facts]
            ),
        ],
    )
