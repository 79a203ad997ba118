"""Reads of contributions: the assessment of a year, what each user may see, accounts and
the ISU's receivables reports. Query counts do not grow with the number of rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from accounts import access
from budget.formatting import format_chf
from budget.selectors import budget_total, budget_totals
from contributions.accounting import AGEING_BUCKETS, ZERO, Account, account_build
from contributions.allocation import AllocationError, allocate
from contributions.models import (
    AssessmentBasis,
    AssessmentMethod,
    CreditNote,
    Invoice,
    IssueJob,
    Payment,
    Pledge,
    SentMail,
    SetRate,
    UNScaleRate,
)
from isu_portal.errors import DomainError
from parties.models import State
from workplan.models import PlanStatus, WorkPlan

# The lowest rate of the UN scale: what a State with no UN rate is given by default, unless the
# ISU sets a rate for it or the year has a floor.
UN_MINIMUM_RATE = Decimal("0.001")


# --- Assessment ------------------------------------------------------------------------------


def approved_plan(*, year: int) -> WorkPlan:
    """The year's work plan, which must be approved by a Meeting of States Parties."""
    plan = WorkPlan.objects.filter(year=year).first()
    if plan is None:
        raise DomainError(f"there is no work plan for {year}: nothing can be assessed")
    if plan.status != PlanStatus.APPROVED:
        raise DomainError(
            f"the {year} work plan is {plan.get_status_display().lower()}, not approved by a "
            f"Meeting of States Parties: its budget cannot be assessed yet"
        )
    return plan


def basis_for_year(*, year: int) -> AssessmentBasis:
    """The year's basis, or the default (UN scale, no floor, no ceiling) unsaved."""
    return AssessmentBasis.objects.filter(year=year).first() or AssessmentBasis(year=year)


def assessed_states(*, year: int) -> QuerySet[State]:
    """States Parties on 1 January of the year: a State whose withdrawal took effect by then is
    not assessed."""
    return State.objects.parties_on(date(year, 1, 1)).order_by("name")


@dataclass
class ShareRow:
    state: State
    amount: Decimal
    rate_percent: Decimal | None = None
    note: str = ""
    flags: list[str] = field(default_factory=list)
    invoice: Invoice | None = None

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


@dataclass
class Assessment:
    year: int
    plan: WorkPlan
    budget: Decimal
    basis: AssessmentBasis
    rows: list[ShareRow]
    scale_period: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((row.amount for row in self.rows), Decimal("0"))

    @property
    def flagged_rows(self) -> list[ShareRow]:
        return [row for row in self.rows if row.flagged]

    @property
    def invoiced_count(self) -> int:
        return sum(1 for row in self.rows if row.invoice is not None)

    @property
    def to_issue(self) -> list[ShareRow]:
        return [row for row in self.rows if row.invoice is None and row.amount > 0]


def _scale_for_year(year: int) -> tuple[dict[int, Decimal], str]:
    period = (
        UNScaleRate.objects.filter(first_year__lte=year, last_year__gte=year)
        .values_list("first_year", "last_year")
        .order_by("-first_year")
        .first()
    )
    if period is None:
        raise DomainError(
            f"no UN scale of assessments covers {year}: load one with `manage.py load_un_scale`"
        )
    rates = dict(
        UNScaleRate.objects.filter(first_year=period[0]).values_list("state_id", "rate_percent")
    )
    return rates, f"{period[0]}–{period[1]}"


def assessment_compute(*, year: int) -> Assessment:
    """Every assessed State's share of the year's approved budget, in whole francs, adding up
    exactly to the budget (for the scale and equal methods). Raises DomainError with the reason
    when the budget cannot be assessed."""
    plan = approved_plan(year=year)
    budget = budget_total(plan=plan)
    basis = basis_for_year(year=year)
    states = list(assessed_states(year=year))
    if not states:
        raise DomainError(f"no State was a State Party on 1 January {year}")
    invoices = {i.state_id: i for i in Invoice.objects.filter(year=year)}
    floor = int(basis.floor) if basis.floor is not None else None
    rows: dict[int, ShareRow] = {s.pk: ShareRow(state=s, amount=Decimal("0")) for s in states}
    assessment = Assessment(year=year, plan=plan, budget=budget, basis=basis, rows=[])
    if basis.method == AssessmentMethod.PLEDGES:
        pledges = dict(Pledge.objects.filter(year=year).values_list("state_id", "amount"))
        for state_id, row in rows.items():
            row.amount = pledges.get(state_id, Decimal("0"))
            row.note = "pledge" if state_id in pledges else "no pledge recorded"
            if state_id not in pledges:
                row.flags.append("no pledge")
        pledged = sum(pledges.get(s, Decimal("0")) for s in rows)
        if pledged != budget:
            assessment.warnings.append(
                f"pledges total CHF {format_chf(pledged)} "
                f"against a budget of CHF {format_chf(budget)} "
                f"({'surplus' if pledged > budget else 'shortfall'} "
                f"CHF {format_chf(abs(pledged - budget))})"
            )
    else:
        weights: dict[int, Decimal | None] = {}
        if basis.method == AssessmentMethod.EQUAL:
            weights = dict.fromkeys(rows, Decimal("1"))
            for row in rows.values():
                row.note = "equal share"
        else:
            scale, assessment.scale_period = _scale_for_year(year)
            set_rates = dict(
                SetRate.objects.filter(year=year).values_list("state_id", "rate_percent")
            )
            for state_id, row in rows.items():
                if state_id in scale:
                    row.rate_percent = scale[state_id]
                    row.note = "UN scale"
                    weights[state_id] = scale[state_id]
                    continue
                row.flags.append("no UN rate")
                if state_id in set_rates:
                    row.rate_percent = set_rates[state_id]
                    row.note = "rate set by the ISU"
                    weights[state_id] = set_rates[state_id]
                elif floor:
                    row.note = "floor (no UN rate)"
                    weights[state_id] = None
                else:
                    row.rate_percent = UN_MINIMUM_RATE
                    row.note = "UN minimum rate (no UN rate)"
                    weights[state_id] = UN_MINIMUM_RATE
        try:
            allocation = allocate(
                int(budget), weights, floor=floor, ceiling_percent=basis.ceiling_percent
            )
        except AllocationError as error:
            raise DomainError(f"the {year} budget cannot be shared: {error}") from error
        for state_id, amount in allocation.shares.items():
            rows[state_id].amount = Decimal(amount)
            if state_id in allocation.at_floor:
                rows[state_id].flags.append("at floor")
            if state_id in allocation.at_ceiling:
                rows[state_id].flags.append("at ceiling")
    for state_id, row in rows.items():
        row.invoice = invoices.get(state_id)
        if row.invoice is not None and row.invoice.amount != row.amount:
            row.flags.append(f"invoiced CHF {format_chf(row.invoice.amount)}")
    assessment.rows = list(rows.values())
    return assessment


# --- Who sees what -----------------------------------------------------------------------------


def invoices_visible(*, user) -> QuerySet[Invoice]:
    """All invoices for ISU staff, a delegate's own State's for a delegate, none otherwise."""
    invoices = Invoice.objects.select_related("state")
    if access.can_view_all_contributions(user):
        return invoices
    return invoices.filter(state_id=access.contributions_state_id(user) or 0)


def credit_notes_visible(*, user) -> QuerySet[CreditNote]:
    notes = CreditNote.objects.select_related("invoice", "invoice__state")
    if access.can_view_all_contributions(user):
        return notes
    return notes.filter(invoice__state_id=access.contributions_state_id(user) or 0)


def payments_visible(*, user) -> QuerySet[Payment]:
    payments = Payment.objects.select_related("state", "invoice")
    if access.can_view_all_contributions(user):
        return payments
    return payments.filter(state_id=access.contributions_state_id(user) or 0)


def states_visible(*, user) -> QuerySet[State]:
    if access.can_view_all_contributions(user):
        return State.objects.all()
    return State.objects.filter(pk=access.contributions_state_id(user) or 0)


# --- Accounts ----------------------------------------------------------------------------------


def accounts_for_states(*, state_ids, today: date) -> dict[int, Account]:
    """The accounts of many States in three queries."""
    state_ids = list(state_ids)
    invoices = defaultdict(list)
    for invoice in Invoice.objects.filter(state_id__in=state_ids):
        invoices[invoice.state_id].append(invoice)
    notes = defaultdict(list)
    for note in CreditNote.objects.filter(invoice__state_id__in=state_ids).select_related(
        "invoice"
    ):
        notes[note.invoice.state_id].append(note)
    payments = defaultdict(list)
    for payment in Payment.objects.filter(state_id__in=state_ids):
        payments[payment.state_id].append(payment)
    return {
        state_id: account_build(
            invoices=invoices[state_id],
            credit_notes=notes[state_id],
            payments=payments[state_id],
            today=today,
        )
        for state_id in state_ids
    }


def account_for_state(*, state: State, today: date) -> Account:
    return accounts_for_states(state_ids=[state.pk], today=today)[state.pk]


def invoice_positions(*, invoices, today: date) -> dict[int, object]:
    """The position (paid, outstanding, status) of each invoice, by invoice id."""
    state_ids = {invoice.state_id for invoice in invoices}
    accounts = accounts_for_states(state_ids=state_ids, today=today)
    return {
        position.invoice.pk: position
        for account in accounts.values()
        for position in account.positions
    }


def reminder_log(*, invoice: Invoice) -> list[SentMail]:
    return list(
        SentMail.objects.filter(invoice=invoice)
        .select_related("reminder_level")
        .order_by("created_at", "id")
    )


# --- ISU reports -------------------------------------------------------------------------------


@dataclass
class ReceivableRow:
    state: State
    account: Account

    @property
    def ageing(self) -> list[Decimal]:
        return [self.account.ageing[key] for key, _ in AGEING_BUCKETS]


def receivables(*, today: date) -> dict:
    """Every State with an invoice: outstanding amounts by age, total arrears and credits."""
    state_ids = list(Invoice.objects.values_list("state_id", flat=True).distinct())
    states = {s.pk: s for s in State.objects.filter(pk__in=state_ids)}
    accounts = accounts_for_states(state_ids=state_ids, today=today)
    rows = [
        ReceivableRow(state=states[state_id], account=accounts[state_id])
        for state_id in sorted(state_ids, key=lambda pk: states[pk].name)
    ]
    totals = [sum((row.ageing[i] for row in rows), ZERO) for i in range(len(AGEING_BUCKETS))]
    return {
        "rows": [r for r in rows if r.account.outstanding or r.account.unapplied_credit],
        "buckets": AGEING_BUCKETS,
        "totals": totals,
        "outstanding": sum((r.account.outstanding for r in rows), ZERO),
        "overdue": sum((r.account.overdue for r in rows), ZERO),
        "credits": sum((r.account.unapplied_credit for r in rows), ZERO),
        "balance": sum((r.account.balance for r in rows), ZERO),
        "today": today,
    }


@dataclass
class YearRow:
    year: int
    budget: Decimal | None
    invoiced: Decimal
    credited: Decimal
    received: Decimal
    invoice_count: int

    @property
    def net_invoiced(self) -> Decimal:
        return self.invoiced - self.credited

    @property
    def received_percent(self) -> Decimal | None:
        base = self.budget or self.net_invoiced
        if not base:
            return None
        return (self.received / base * 100).quantize(Decimal("0.1"))


def contributions_by_year() -> list[YearRow]:
    """For every year with an approved budget or an invoice: the budget, what was invoiced and
    credited, and what was received against that year's invoices."""
    # The budget's one computation, for all approved plans in one query.
    approved = list(WorkPlan.objects.filter(status=PlanStatus.APPROVED))
    totals = budget_totals(plans=approved)
    budgets = {plan.year: totals[plan.pk] for plan in approved}
    invoiced = {
        row["year"]: (row["total"], row["count"])
        for row in Invoice.objects.values("year").annotate(total=Sum("amount"), count=Count("id"))
    }
    credited = dict(
        CreditNote.objects.values("invoice__year")
        .annotate(total=Sum("amount"))
        .values_list("invoice__year", "total")
    )
    received = dict(
        Payment.objects.filter(invoice__isnull=False)
        .values("invoice__year")
        .annotate(total=Sum("amount"))
        .values_list("invoice__year", "total")
    )
    years = sorted(set(budgets) | set(invoiced))
    return [
        YearRow(
            year=year,
            budget=budgets.get(year),
            invoiced=invoiced.get(year, (ZERO, 0))[0],
            credited=credited.get(year, ZERO),
            received=received.get(year, ZERO),
            invoice_count=invoiced.get(year, (ZERO, 0))[1],
        )
        for year in years
    ]


def issue_job_progress(*, job: IssueJob) -> dict:
    counts = job.items.aggregate(
        done=Count("id", filter=Q(done=True)), failed=Count("id", filter=Q(outcome="failed"))
    )
    total = job.total or 0
    done = counts["done"]
    return {
        "job": job,
        "done": done,
        "total": total,
        "failed": counts["failed"],
        "percent": int(done * 100 / total) if total else 100,
        "items": list(job.items.select_related("state", "invoice").order_by("position")),
    }
