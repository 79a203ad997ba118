"""Who may do what: the one module every view, API view and service asks.

Rules are plain functions of the user (and the object). Group names are read once per
request-user and cached on the instance, so asking many questions costs one query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accounts.roles import COMMITTEE_GROUP, ISU_STAFF_GROUP, Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User
    from parties.models import State
    from workplan.models import WorkPlan


def _group_names(user) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_isu_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._isu_group_names = cached
    return cached


def role_of(user: User | AnonymousUser) -> Role:
    """The single most powerful role of a user (an ISU staff member who is also admin is admin)."""
    if not user.is_authenticated or not user.is_active:
        return Role.ANONYMOUS
    if user.is_superuser:
        return Role.ADMIN
    groups = _group_names(user)
    if ISU_STAFF_GROUP in groups:
        return Role.ISU_STAFF
    if COMMITTEE_GROUP in groups:
        return Role.COMMITTEE
    if user.state_id is not None:
        return Role.DELEGATE
    return Role.ANONYMOUS


def is_isu_staff(user) -> bool:
    """ISU staff and administrators edit everything."""
    return role_of(user) in (Role.ISU_STAFF, Role.ADMIN)


def is_committee_member(user) -> bool:
    return role_of(user) == Role.COMMITTEE


def is_delegate(user) -> bool:
    return role_of(user) == Role.DELEGATE


def is_signed_in(user) -> bool:
    return role_of(user) != Role.ANONYMOUS


def delegate_state_id(user) -> int | None:
    """The State a delegate represents, or None for everyone else."""
    return user.state_id if is_delegate(user) else None


# --- States registry -------------------------------------------------------------------------


def can_view_states(user) -> bool:
    return is_signed_in(user)


def can_edit_states(user) -> bool:
    return is_isu_staff(user)


def can_edit_contacts(user, state: State | None = None) -> bool:
    return is_isu_staff(user)


def can_view_contacts(user, state: State) -> bool:
    """Contacts are personal data: ISU staff and the State's own delegates see them."""
    return is_isu_staff(user) or delegate_state_id(user) == state.pk


# --- Work plans and their budgets ------------------------------------------------------------
# A draft is the ISU's and the Committee's working text; delegates see a plan once it is
# circulated to States Parties, and everyone once the Meeting of States Parties approved it.


def can_view_workplan(user, plan: WorkPlan) -> bool:
    from workplan.models import PlanStatus

    if is_isu_staff(user) or is_committee_member(user):
        return True
    if plan.status == PlanStatus.APPROVED:
        return True
    return plan.status == PlanStatus.CIRCULATED and is_delegate(user)


def can_edit_workplan(user, plan: WorkPlan) -> bool:
    """ISU staff edit the content and the budget of a draft, and of nothing else."""
    from workplan.models import PlanStatus

    return is_isu_staff(user) and plan.status == PlanStatus.DRAFT


def can_create_workplan(user) -> bool:
    return is_isu_staff(user)


# --- Meetings ----------------------------------------------------------------------------------
# Public meetings, their public documents and the consenting approved participants are open to
# everyone. A delegate registers participants and sponsorship applications for their own State
# only, and sees only those of their State; everything else about participants is ISU staff's.


def can_view_meeting(user, meeting) -> bool:
    return meeting.is_public or is_signed_in(user)


def can_edit_meetings(user) -> bool:
    """Meetings, agendas, documents and records are edited by ISU staff."""
    return is_isu_staff(user)


def can_view_document(user, document) -> bool:
    """Restricted documents are for the Convention's participants: any signed-in role."""
    if not can_view_meeting(user, document.meeting):
        return False
    return document.is_public or is_signed_in(user)


def can_view_follow_ups(user) -> bool:
    """Follow-up actions are the ISU's internal task list."""
    return is_isu_staff(user)


def can_register_participant(user, state=None) -> bool:
    """ISU staff register anyone (States and organisations); a delegate only for their State."""
    if is_isu_staff(user):
        return True
    return state is not None and delegate_state_id(user) == state.pk


def can_view_participant(user, participant) -> bool:
    if is_isu_staff(user):
        return True
    return participant.state_id is not None and delegate_state_id(user) == participant.state_id


def can_view_all_participants(user) -> bool:
    return is_isu_staff(user)


def can_approve_participants(user) -> bool:
    return is_isu_staff(user)


def can_edit_participant(user, participant) -> bool:
    """The State's delegates correct their own registrations until the ISU decided on them."""
    from meetings.models import ParticipantStatus

    if is_isu_staff(user):
        return True
    return (
        can_view_participant(user, participant) and participant.status == ParticipantStatus.PENDING
    )


def can_apply_for_sponsorship(user, state=None) -> bool:
    return can_register_participant(user, state) and state is not None


def can_manage_sponsorship(user) -> bool:
    """Scores, decisions, grant letters, deadlines and budgets are ISU staff's."""
    return is_isu_staff(user)


def can_view_participation_report(user) -> bool:
    return is_isu_staff(user) or is_committee_member(user)


# --- workplan --------------------------------------------------------------------------------


def workplan_statuses_visible(user) -> set[str] | None:
    """The plan statuses `user` may read, for filtering lists in the database (None: every
    status). Mirrors can_view_workplan, which decides for one plan."""
    from workplan.models import PlanStatus

    if is_isu_staff(user) or is_committee_member(user):
        return None
    if is_delegate(user):
        return {PlanStatus.CIRCULATED, PlanStatus.APPROVED}
    return {PlanStatus.APPROVED}


# --- budget ----------------------------------------------------------------------------------
# A plan's budget is read and edited exactly like the plan itself.


def can_view_budget(user, plan: WorkPlan) -> bool:
    return can_view_workplan(user, plan)


def can_edit_budget(user, plan: WorkPlan) -> bool:
    return can_edit_workplan(user, plan)


def can_edit_budget_envelope(user) -> bool:
    """The six-year plan's yearly figures are reference data that ISU staff enter."""
    return is_isu_staff(user)


# --- Contributions ---------------------------------------------------------------------------
# ISU staff manage assessments, invoices, payments and reminders. A delegate sees only their own
# State's invoices, credit notes, payments and statement; anything else answers 404.


def can_view_all_contributions(user) -> bool:
    return is_isu_staff(user)


def can_manage_contributions(user) -> bool:
    """Assess, issue, credit, record payments, import statements and send reminders."""
    return is_isu_staff(user)


def contributions_state_id(user) -> int | None:
    """The one State whose contributions a delegate sees (None for everyone else)."""
    return delegate_state_id(user)


def can_view_invoices(user) -> bool:
    """Who reaches the invoices portal at all: ISU staff (every State) and delegates (own)."""
    return is_isu_staff(user) or contributions_state_id(user) is not None


def can_view_state_account(user, state_id: int) -> bool:
    return is_isu_staff(user) or (state_id is not None and contributions_state_id(user) == state_id)


# --- Review ---
# The review (versions, redline, comments, audit trail) is the ISU's and the Committee's working
# space: delegates and visitors never see it. Who may fire each workflow transition is listed
# in review.workflow, which asks these functions.

COMMITTEE_CHAIR_GROUP = "Coordination Committee chair"


def can_view_review(user, plan: WorkPlan | None = None) -> bool:
    return is_isu_staff(user) or is_committee_member(user)


def can_run_plan_workflow(user) -> bool:
    """Submit, revise, reopen, circulate and record the approval: ISU staff."""
    return is_isu_staff(user)


def can_review_plan(user) -> bool:
    """Request changes and endorse: Coordination Committee members."""
    return is_committee_member(user)


def is_committee_chair(user) -> bool:
    return is_committee_member(user) and COMMITTEE_CHAIR_GROUP in _group_names(user)


def can_comment_on_plan(user, plan: WorkPlan) -> bool:
    from workplan.models import PlanStatus

    return can_view_review(user, plan) and plan.status != PlanStatus.APPROVED


def can_resolve_comment(user, comment) -> bool:
    """ISU staff resolve any comment; a Committee member their own."""
    return is_isu_staff(user) or (
        is_committee_member(user) and comment.author_id == getattr(user, "pk", None)
    )
