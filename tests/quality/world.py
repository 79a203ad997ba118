"""One small but complete portal, built with the apps' own loaders and factories: the 2025 work
plan and budget, the 13MSP with participants, sponsorship applications and a document for two
States, and invoices, a payment and a credit note for each of them."""

import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.management import call_command

from budget.models import BudgetNote, CostLine, InKindContribution, StaffPosition
from contributions import services as contributions
from contributions.models import CreditNote, IssueJob, Payment
from meetings.models import Decision, FollowUpAction, MeetingDocument
from tests.meetings.factories import (
    AgendaItemFactory,
    ObligationDeadlineFactory,
    ParticipantFactory,
    RequestedItemFactory,
    SponsorshipApplicationFactory,
    SponsorshipBudgetFactory,
    pdf_upload,
)
from workplan.models import (
    Activity,
    LetteredItem,
    Outcome,
    Output,
    Paragraph,
    Section,
    SummaryItem,
    WorkPlan,
)


@dataclass
class World:
    plan: WorkPlan
    meeting: object
    state_a: object
    state_b: object
    participant_a: object
    participant_b: object
    application_a: object
    application_b: object
    invoice_a: object
    invoice_b: object
    credit_note_b: CreditNote
    payment_b: Payment
    document: MeetingDocument
    agenda_item: object
    follow_up: FollowUpAction
    deadline: object
    job: IssueJob
    contact_b: object
    review_plan: WorkPlan  # the 2026 draft copied from 2025, submitted: under review, version 1
    comment: object


def build_world(*, state_a, state_b) -> World:
    quiet = open(os.devnull, "w")  # noqa: SIM115
    call_command("load_workplan_2025", stdout=quiet)
    call_command("load_budget_2025", stdout=quiet)
    call_command("load_reference_meetings", stdout=quiet)
    plan = WorkPlan.objects.get(year=2025)
    from meetings.models import Meeting
    from tests.factories import ContactFactory

    meeting = Meeting.objects.get(short_name="13MSP")
    participant_a = ParticipantFactory(meeting=meeting, state=state_a)
    participant_b = ParticipantFactory(meeting=meeting, state=state_b)
    SponsorshipBudgetFactory(meeting=meeting)
    application_a = SponsorshipApplicationFactory(participant=participant_a)
    application_b = SponsorshipApplicationFactory(participant=participant_b)
    RequestedItemFactory(application=application_b)
    agenda_item = AgendaItemFactory(meeting=meeting)
    document = MeetingDocument.objects.create(
        meeting=meeting,
        kind="document",
        number=1,
        symbol="CCM/MSP/2025/WP.1",
        title="Working paper",
        document_date=date(2025, 6, 1),
        languages=["en"],
        file=pdf_upload("wp1.pdf"),
        file_type="pdf",
    )
    decision = Decision.objects.create(meeting=meeting, position=1, text="Decides to meet again")
    follow_up = FollowUpAction.objects.create(
        meeting=meeting,
        decision=decision,
        description="Circulate",
        owner="ISU",
        due_date=date(2025, 12, 1),
    )
    deadline = ObligationDeadlineFactory(state=state_b)
    contact_b = ContactFactory(state=state_b)

    def invoice(state):
        return contributions.invoice_issue(
            year=2025,
            state=state,
            amount=Decimal("1000.00"),
            method="un_scale",
            budget=Decimal("497138"),
            issue_date=date(2025, 2, 1),
        ).invoice

    invoice_a, invoice_b = invoice(state_a), invoice(state_b)
    payment_b = contributions.payment_record(
        state=state_b,
        amount=Decimal("400.00"),
        received_on=date(2025, 3, 1),
        invoice=invoice_b,
        today=date(2025, 3, 2),
    )
    credit_note_b = contributions.credit_note_issue(
        invoice=invoice_b,
        amount=Decimal("100.00"),
        reason="Rate corrected",
        issue_date=date(2025, 3, 5),
    )
    job = IssueJob.objects.create(year=2025, send=False)
    review_plan, comment = _plan_under_review(source=plan)
    return World(
        plan=plan,
        meeting=meeting,
        state_a=state_a,
        state_b=state_b,
        participant_a=participant_a,
        participant_b=participant_b,
        application_a=application_a,
        application_b=application_b,
        invoice_a=invoice_a,
        invoice_b=invoice_b,
        credit_note_b=credit_note_b,
        payment_b=payment_b,
        document=document,
        agenda_item=agenda_item,
        follow_up=follow_up,
        deadline=deadline,
        job=job,
        contact_b=contact_b,
        review_plan=review_plan,
        comment=comment,
    )


def _plan_under_review(*, source):
    """A plan in Committee review with two frozen versions (submitted, reopened, resubmitted)
    and a comment, for the review URLs."""
    from review import services as review
    from tests.factories import ISUStaffFactory
    from workplan.services import plan_copy_to_next_year

    staff = ISUStaffFactory(username="world-isu-staff")
    plan = plan_copy_to_next_year(source=source, user=staff)
    review.plan_submit(plan=plan, user=staff)
    review.plan_reopen(plan=plan, user=staff, reason="Add the 2026 meetings")
    review.plan_submit(plan=plan, user=staff)
    plan.refresh_from_db()
    comment = review.comment_add(plan=plan, user=staff, body="Please check paragraph 2.")
    return plan, comment


def first(model, **lookups):
    return model.objects.filter(**lookups).order_by("pk").first()


def plan_parts(plan):
    """The first part of each kind in the plan, for the part URLs."""
    return {
        "paragraph": first(Paragraph, section__plan=plan),
        "section": first(Section, plan=plan),
        "item": first(LetteredItem, paragraph__section__plan=plan),
        "outcome": first(Outcome, plan=plan),
        "output": first(Output, outcome__plan=plan),
        "summary": first(SummaryItem, plan=plan),
        "activity": first(Activity, output__outcome__plan=plan),
        "line": first(CostLine, plan=plan),
        "position": first(StaffPosition, plan=plan),
        "note": first(BudgetNote, plan=plan),
        "in_kind": first(InKindContribution, plan=plan),
    }
