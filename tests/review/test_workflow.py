"""Every transition, allowed and forbidden, by role and by state; a refusal changes nothing."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured

from isu_portal.errors import DomainError
from review import services, workflow
from review.models import Action, NoticeDelivery, PlanVersion, ReviewDecision, Transition
from tests.factories import AdminFactory, CommitteeMemberFactory, DelegateFactory, ISUStaffFactory
from workplan import services as workplan_services
from workplan.models import Paragraph, PlanStatus

pytestmark = pytest.mark.django_db(transaction=False)

ALL_STATES = list(PlanStatus)
# (action, role that may fire it, states it starts from, target)
ALLOWED = {
    "submit": ("staff", {PlanStatus.DRAFT}, PlanStatus.UNDER_REVIEW),
    "request_changes": ("member", {PlanStatus.UNDER_REVIEW}, PlanStatus.CHANGES_REQUESTED),
    "revise": ("staff", {PlanStatus.CHANGES_REQUESTED}, PlanStatus.DRAFT),
    "endorse": ("member", {PlanStatus.UNDER_REVIEW}, PlanStatus.ENDORSED),
    "reopen": (
        "staff",
        {PlanStatus.UNDER_REVIEW, PlanStatus.ENDORSED, PlanStatus.CIRCULATED},
        PlanStatus.DRAFT,
    ),
    "circulate": ("staff", {PlanStatus.ENDORSED}, PlanStatus.CIRCULATED),
    "approve": ("staff", {PlanStatus.CIRCULATED}, PlanStatus.APPROVED),
}
ROLES = ("staff", "admin", "member", "delegate", "anonymous")


def _user(role):
    from django.contrib.auth.models import AnonymousUser

    return {
        "staff": lambda: ISUStaffFactory(),
        "admin": lambda: AdminFactory(),
        "member": lambda: CommitteeMemberFactory(),
        "delegate": lambda: DelegateFactory(),
        "anonymous": AnonymousUser,
    }[role]()


def _put_in(plan, status, staff, member):
    """Drives `plan` through real transitions to `status` (so versions exist as they would)."""
    path = {
        PlanStatus.DRAFT: [],
        PlanStatus.UNDER_REVIEW: [("submit", staff)],
        PlanStatus.CHANGES_REQUESTED: [("submit", staff), ("request_changes", member)],
        PlanStatus.ENDORSED: [("submit", staff), ("endorse", member)],
        PlanStatus.CIRCULATED: [("submit", staff), ("endorse", member), ("circulate", staff)],
        PlanStatus.APPROVED: [
            ("submit", staff),
            ("endorse", member),
            ("circulate", staff),
            ("approve", staff),
        ],
    }[status]
    for action, user in path:
        services.plan_transition(plan=plan, user=user, action=action, reason="because")
    plan.refresh_from_db()
    assert plan.status == status


def _state(plan):
    plan.refresh_from_db()
    return (
        plan.status,
        PlanVersion.objects.filter(plan=plan).count(),
        Transition.objects.filter(plan=plan).count(),
        ReviewDecision.objects.count(),
        NoticeDelivery.objects.count(),
        len(mail.outbox),
    )


@pytest.mark.parametrize("status", ALL_STATES)
@pytest.mark.parametrize("action", list(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
def test_each_transition_by_role_and_state(
    plan, staff, member, django_capture_on_commit_callbacks, action, role, status
):
    with django_capture_on_commit_callbacks(execute=True):
        _put_in(plan, status, staff, member)
    user = _user(role)
    who, sources, target = ALLOWED[action]
    allowed = status in sources and (role == who or (who == "staff" and role == "admin"))
    before = _state(plan)
    with django_capture_on_commit_callbacks(execute=True):
        if allowed:
            entry = services.plan_transition(plan=plan, user=user, action=action, reason="why")
        else:
            with pytest.raises(DomainError):
                services.plan_transition(plan=plan, user=user, action=action, reason="why")
    after = _state(plan)
    if allowed:
        assert after[0] == target
        assert entry.actor == user and entry.action == action and entry.from_status == status
        assert entry.version is not None
        assert after[2] == before[2] + 1
    else:
        assert after == before, "a forbidden transition changed something"


def test_submit_freezes_numbered_versions_with_hash(plan, staff, member):
    first = services.plan_submit(plan=plan, user=staff).version
    assert first.number == 1 and len(first.content_hash) == 64
    texts = [p["text"] for p in first.content["sections"][0]["paragraphs"]]
    assert texts == ["The ISU supports States Parties.", "It reports to the Meeting."]
    assert "budget" in first.content and "status" not in first.content
    services.plan_request_changes(plan=plan, user=member, reason="Say more.")
    services.plan_revise(plan=plan, user=staff)
    paragraph = Paragraph.objects.get(text="It reports to the Meeting.")
    workplan_services.part_update(
        part=paragraph, text="It reports yearly to the Meeting.", version=1, user=staff
    )
    second = services.plan_submit(plan=plan, user=staff).version
    assert second.number == 2
    assert second.content_hash != first.content_hash
    first.refresh_from_db()
    assert first.content["sections"][0]["paragraphs"][1]["text"] == "It reports to the Meeting."


def test_same_content_same_hash(plan, staff):
    from review.snapshot import content_hash, plan_content

    assert content_hash(plan_content(plan=plan)) == content_hash(plan_content(plan=plan))


def test_edit_of_a_submitted_plan_is_refused_and_changes_nothing(plan, staff):
    services.plan_submit(plan=plan, user=staff)
    paragraph = Paragraph.objects.get(text="It reports to the Meeting.")
    with pytest.raises(DomainError, match="only a draft can be edited"):
        workplan_services.part_update(part=paragraph, text="Changed.", version=1, user=staff)
    paragraph.refresh_from_db()
    assert paragraph.text == "It reports to the Meeting." and paragraph.version == 1
    with pytest.raises(DomainError):
        workplan_services.plan_update(plan=plan, version=plan.version, user=staff, title="X")


def test_request_changes_needs_a_reason(plan, staff, member):
    services.plan_submit(plan=plan, user=staff)
    before = _state(plan)
    with pytest.raises(DomainError, match="reason"):
        services.plan_request_changes(plan=plan, user=member, reason="  ")
    assert _state(plan) == before


def test_reopen_voids_the_endorsement(plan, staff, member):
    services.plan_submit(plan=plan, user=staff)
    endorsed = services.plan_endorse(plan=plan, user=member)
    entry = services.plan_reopen(plan=plan, user=staff, reason="A figure was wrong.")
    assert entry.voids == endorsed.version
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_endorsing_a_stale_version_is_refused(plan, staff, member):
    services.plan_submit(plan=plan, user=staff)
    before = _state(plan)
    with pytest.raises(DomainError, match="version 1 is now under review"):
        services.plan_endorse(plan=plan, user=member, version_number=7)
    assert _state(plan) == before


def test_quorum_rule(settings, plan, staff, member, member2):
    settings.ENDORSEMENT_RULE = "quorum:2"
    services.plan_submit(plan=plan, user=staff)
    services.plan_endorse(plan=plan, user=member)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.UNDER_REVIEW
    with pytest.raises(DomainError, match="already endorsed"):
        services.plan_endorse(plan=plan, user=member)
    services.plan_endorse(plan=plan, user=member2)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ENDORSED
    assert Transition.objects.filter(plan=plan, action=Action.ENDORSE).count() == 2


def test_chair_rule(settings, plan, staff, member, member2):
    from django.contrib.auth.models import Group

    settings.ENDORSEMENT_RULE = "chair"
    member2.groups.add(Group.objects.get(name="Coordination Committee chair"))
    services.plan_submit(plan=plan, user=staff)
    before = _state(plan)
    with pytest.raises(DomainError, match="Chair"):
        services.plan_endorse(plan=plan, user=member)
    assert _state(plan) == before
    member2 = type(member2).objects.get(pk=member2.pk)
    services.plan_endorse(plan=plan, user=member2)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ENDORSED


@pytest.mark.parametrize("raw", ["quorum:0", "quorum:x", "everyone"])
def test_bad_endorsement_rule_is_a_clear_error(settings, raw):
    settings.ENDORSEMENT_RULE = raw
    with pytest.raises(ImproperlyConfigured, match="ENDORSEMENT_RULE"):
        workflow.endorsement_rule()


def test_unknown_action_is_refused(plan, staff):
    with pytest.raises(DomainError, match="not a step"):
        services.plan_transition(plan=plan, user=staff, action="publish")


def test_actions_for_lists_what_the_user_may_do(plan, staff, member):
    assert [r.action for r in workflow.actions_for(staff, plan)] == [Action.SUBMIT]
    assert workflow.actions_for(member, plan) == []
    services.plan_submit(plan=plan, user=staff)
    plan.refresh_from_db()
    assert [r.action for r in workflow.actions_for(member, plan)] == [
        Action.REQUEST_CHANGES,
        Action.ENDORSE,
    ]
    assert [r.action for r in workflow.actions_for(staff, plan)] == [Action.REOPEN]


# --- circulation deadline ---------------------------------------------------------------------


def test_deadline_of_the_2025_plan_is_12_july_2024(db):
    from meetings.services import reference_meetings_load
    from tests.factories import WorkPlanFactory

    reference_meetings_load()
    from meetings.models import Meeting

    plan = WorkPlanFactory(year=2025, meeting=Meeting.objects.get(short_name="12MSP"))
    assert plan.meeting.start_date == dt.date(2024, 9, 10)
    assert services.circulation_deadline(plan) == dt.date(2024, 7, 12)


def test_deadline_follows_the_setting(settings, plan):
    settings.CIRCULATION_DAYS_BEFORE_MSP = 30
    assert services.circulation_deadline(plan) == plan.meeting.start_date - dt.timedelta(days=30)


def test_late_circulation_needs_confirmation_and_reason(plan, staff, member):
    services.plan_submit(plan=plan, user=staff)
    services.plan_endorse(plan=plan, user=member)
    late_day = services.circulation_deadline(plan) + dt.timedelta(days=1)
    before = _state(plan)
    with pytest.raises(DomainError, match="Confirm the late circulation"):
        services.plan_circulate(plan=plan, user=staff, today=late_day)
    with pytest.raises(DomainError, match="reason"):
        services.plan_circulate(plan=plan, user=staff, today=late_day, confirm_late=True)
    assert _state(plan) == before
    entry = services.plan_circulate(
        plan=plan, user=staff, today=late_day, confirm_late=True, reason="Translation delays."
    )
    assert entry.late and entry.reason == "Translation delays."


def test_circulation_on_the_deadline_is_on_time(plan, staff, member):
    services.plan_submit(plan=plan, user=staff)
    services.plan_endorse(plan=plan, user=member)
    entry = services.plan_circulate(
        plan=plan, user=staff, today=services.circulation_deadline(plan)
    )
    assert not entry.late


def test_circulation_refers_to_the_endorsed_version(plan, staff, member):
    services.plan_submit(plan=plan, user=staff)
    endorsed = services.plan_endorse(plan=plan, user=member).version
    assert services.plan_circulate(plan=plan, user=staff).version == endorsed
    assert services.plan_approve(plan=plan, user=staff).version == endorsed


@pytest.mark.parametrize("status", [s for s in ALL_STATES if s != PlanStatus.DRAFT])
def test_budget_edit_outside_draft_is_refused_and_changes_nothing(plan, staff, member, status):
    from decimal import Decimal

    from budget import services as budget_services
    from tests.factories import CostLineFactory

    line = CostLineFactory(plan=plan, amount="1000.00", note="Printing")
    _put_in(plan, status, staff, member)
    with pytest.raises(DomainError):
        budget_services.cost_line_update(line=line, amount="9999.00", note="Changed")
    line.refresh_from_db()
    assert line.amount == Decimal("1000.00") and line.note == "Printing"
    paragraph = Paragraph.objects.get(text="It reports to the Meeting.")
    with pytest.raises(DomainError):
        workplan_services.part_delete(part=paragraph, user=staff)
    assert Paragraph.objects.filter(pk=paragraph.pk).exists()
