"""Writes of the review: every workflow transition, comments and review visits.

Each transition locks the plan row, asks review.workflow whether this user may fire it in the
plan's present state, and records one audit entry (who, when, which version, why) in the same
transaction; a refusal raises DomainError and changes nothing. E-mail notices are enqueued
with transaction.on_commit, so nothing is sent for a transition that was rolled back.
"""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts import access
from isu_portal.errors import DomainError
from review import workflow
from review.models import (
    Action,
    Comment,
    Decision,
    PlanVersion,
    ReviewDecision,
    ReviewVisit,
    Transition,
)
from review.snapshot import content_hash, plan_content
from workplan.models import PlanStatus, WorkPlan

REASON_MAX_LENGTH = 2000


def _locked(plan: WorkPlan) -> WorkPlan:
    return (
        WorkPlan.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=plan.pk)
    )


def _check(user, plan: WorkPlan, action: str) -> None:
    why = workflow.refusal(user, plan, action)
    if why:
        raise DomainError(why)


def _clean_reason(reason: str | None, *, required: bool, what: str) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise DomainError(f"Give a reason: {what}.", field="reason")
    if len(reason) > REASON_MAX_LENGTH:
        raise DomainError(
            f"The reason is {len(reason)} characters long; the limit is {REASON_MAX_LENGTH}.",
            field="reason",
        )
    return reason


def _name(user) -> str:
    if user is None:
        return "System"
    return user.get_full_name() or user.get_username()


def current_version(plan: WorkPlan) -> PlanVersion | None:
    return PlanVersion.objects.filter(plan=plan).order_by("-number").first()


def _set_status(plan: WorkPlan, status: str, *, user, reason: str) -> None:
    plan.status = status
    plan._history_user = user
    plan._change_reason = reason
    plan.save()


def _record(
    plan: WorkPlan,
    *,
    action: Action,
    from_status: str,
    user,
    version: PlanVersion | None,
    reason: str = "",
    at: datetime | None = None,
    actor_name: str | None = None,
    late: bool = False,
    voids: PlanVersion | None = None,
    notify: bool = True,
) -> Transition:
    entry = Transition.objects.create(
        plan=plan,
        action=action,
        from_status=from_status,
        to_status=plan.status,
        version=version,
        actor=user,
        actor_name=actor_name or _name(user),
        at=at or timezone.now(),
        reason=reason,
        late=late,
        voids=voids,
    )
    if notify and (plan.status != from_status or action == Action.ENDORSE):
        from review.tasks import send_transition_notices

        transaction.on_commit(lambda: send_transition_notices.delay(entry.pk))
    return entry


def _freeze(plan: WorkPlan, *, user, at: datetime | None = None) -> PlanVersion:
    last = PlanVersion.objects.filter(plan=plan).aggregate(n=Max("number"))["n"] or 0
    content = plan_content(plan=plan)
    return PlanVersion.objects.create(
        plan=plan,
        number=last + 1,
        content=content,
        content_hash=content_hash(content),
        created_at=at or timezone.now(),
        created_by=user,
    )


# --- the transitions -----------------------------------------------------------------------


@transaction.atomic
def plan_submit(*, plan: WorkPlan, user, reason: str = "") -> Transition:
    """Freezes the draft as the next numbered version (content, budget, sha256) and puts it
    under Committee review."""
    plan = _locked(plan)
    _check(user, plan, Action.SUBMIT)
    reason = _clean_reason(reason, required=False, what="")
    version = _freeze(plan, user=user)
    before = plan.status
    _set_status(
        plan, PlanStatus.UNDER_REVIEW, user=user, reason=f"submitted as version {version.number}"
    )
    return _record(
        plan, action=Action.SUBMIT, from_status=before, user=user, version=version, reason=reason
    )


@transaction.atomic
def plan_request_changes(*, plan: WorkPlan, user, reason: str) -> Transition:
    """A Committee member asks for changes to the version under review; the reason is required
    and is sent to the ISU."""
    plan = _locked(plan)
    _check(user, plan, Action.REQUEST_CHANGES)
    reason = _clean_reason(reason, required=True, what="what should change")
    version = current_version(plan)
    ReviewDecision.objects.update_or_create(
        version=version,
        member=user,
        defaults={"decision": Decision.REQUEST_CHANGES, "at": timezone.now(), "reason": reason},
    )
    _mark_reviewed(plan, user=user, version=version)
    before = plan.status
    _set_status(plan, PlanStatus.CHANGES_REQUESTED, user=user, reason="changes requested")
    return _record(
        plan,
        action=Action.REQUEST_CHANGES,
        from_status=before,
        user=user,
        version=version,
        reason=reason,
    )


@transaction.atomic
def plan_revise(*, plan: WorkPlan, user, reason: str = "") -> Transition:
    """The ISU takes the plan back as a draft to address the Committee's request."""
    plan = _locked(plan)
    _check(user, plan, Action.REVISE)
    reason = _clean_reason(reason, required=False, what="")
    before = plan.status
    _set_status(plan, PlanStatus.DRAFT, user=user, reason="returned to draft for revision")
    return _record(
        plan,
        action=Action.REVISE,
        from_status=before,
        user=user,
        version=current_version(plan),
        reason=reason,
    )


@transaction.atomic
def plan_endorse(
    *, plan: WorkPlan, user, reason: str = "", version_number: int | None = None
) -> Transition:
    """Records the member's endorsement of the current version. The plan becomes endorsed when
    ENDORSEMENT_RULE is met (any member, the chair, or a quorum of distinct members on this
    same version); until then the entry records one endorsement towards the quorum.
    `version_number`, if given, must be the current version (the member endorses what they
    read, not a newer submission)."""
    plan = _locked(plan)
    _check(user, plan, Action.ENDORSE)
    reason = _clean_reason(reason, required=False, what="")
    version = current_version(plan)
    if version_number is not None and int(version_number) != version.number:
        raise DomainError(
            f"You endorsed version {version_number}, but version {version.number} is now under "
            "review. Nothing was recorded; read the new version first."
        )
    if ReviewDecision.objects.filter(
        version=version, member=user, decision=Decision.ENDORSE
    ).exists():
        raise DomainError(f"You already endorsed version {version.number}.")
    ReviewDecision.objects.update_or_create(
        version=version,
        member=user,
        defaults={"decision": Decision.ENDORSE, "at": timezone.now(), "reason": reason},
    )
    _mark_reviewed(plan, user=user, version=version)
    rule = workflow.endorsement_rule()
    endorsements = ReviewDecision.objects.filter(version=version, decision=Decision.ENDORSE).count()
    before = plan.status
    if rule.kind != "quorum" or endorsements >= rule.quorum:
        _set_status(
            plan, PlanStatus.ENDORSED, user=user, reason=f"version {version.number} endorsed"
        )
    elif not reason:
        reason = f"Endorsement {endorsements} of the {rule.quorum} required."
    return _record(
        plan, action=Action.ENDORSE, from_status=before, user=user, version=version, reason=reason
    )


@transaction.atomic
def plan_reopen(*, plan: WorkPlan, user, reason: str) -> Transition:
    """Back to Draft so that the ISU can edit again. An endorsement (and a circulation) of the
    current version is voided: recorded in this entry and shown on the plan."""
    plan = _locked(plan)
    _check(user, plan, Action.REOPEN)
    reason = _clean_reason(reason, required=True, what="why the plan is reopened")
    version = current_version(plan)
    voids = version if plan.status in (PlanStatus.ENDORSED, PlanStatus.CIRCULATED) else None
    before = plan.status
    _set_status(plan, PlanStatus.DRAFT, user=user, reason="reopened as a draft")
    return _record(
        plan,
        action=Action.REOPEN,
        from_status=before,
        user=user,
        version=version,
        reason=reason,
        voids=voids,
    )


def circulation_deadline(plan: WorkPlan) -> date | None:
    """The meeting's opening date minus CIRCULATION_DAYS_BEFORE_MSP days (None: no meeting)."""
    from datetime import timedelta

    if plan.meeting_id is None or plan.meeting.start_date is None:
        return None
    return plan.meeting.start_date - timedelta(days=settings.CIRCULATION_DAYS_BEFORE_MSP)


@transaction.atomic
def plan_circulate(
    *, plan: WorkPlan, user, confirm_late: bool = False, reason: str = "", today: date | None = None
) -> Transition:
    """Circulates the endorsed version to States Parties (delegates may then read it) and
    e-mails every State Party's document contacts. After the deadline it needs
    `confirm_late=True` and a reason, both recorded."""
    plan = _locked(plan)
    _check(user, plan, Action.CIRCULATE)
    today = today or timezone.localdate()
    deadline = circulation_deadline(plan)
    late = deadline is not None and today > deadline
    if late:
        if not confirm_late:
            raise DomainError(
                f"The circulation deadline was {deadline:%d %B %Y} "
                f"({settings.CIRCULATION_DAYS_BEFORE_MSP} days before the "
                f"{plan.meeting.short_name}). Confirm the late circulation and give the reason.",
                field="confirm_late",
            )
        reason = _clean_reason(reason, required=True, what="why the plan is circulated late")
    else:
        reason = _clean_reason(reason, required=False, what="")
    version = _endorsed_version(plan)
    before = plan.status
    _set_status(
        plan, PlanStatus.CIRCULATED, user=user, reason=f"version {version.number} circulated"
    )
    return _record(
        plan,
        action=Action.CIRCULATE,
        from_status=before,
        user=user,
        version=version,
        reason=reason,
        late=late,
    )


def _endorsed_version(plan: WorkPlan) -> PlanVersion:
    entry = (
        Transition.objects.filter(plan=plan, action=Action.ENDORSE, to_status=PlanStatus.ENDORSED)
        .select_related("version")
        .order_by("-at", "-id")
        .first()
    )
    return entry.version if entry else current_version(plan)


@transaction.atomic
def plan_approve(*, plan: WorkPlan, user, reason: str = "") -> Transition:
    """Records that the Meeting of States Parties approved the circulated version; the plan
    becomes public."""
    plan = _locked(plan)
    _check(user, plan, Action.APPROVE)
    reason = _clean_reason(reason, required=False, what="")
    version = _endorsed_version(plan)
    before = plan.status
    _set_status(plan, PlanStatus.APPROVED, user=user, reason="approved by the MSP")
    return _record(
        plan, action=Action.APPROVE, from_status=before, user=user, version=version, reason=reason
    )


SERVICES = {
    Action.SUBMIT: plan_submit,
    Action.REQUEST_CHANGES: plan_request_changes,
    Action.REVISE: plan_revise,
    Action.ENDORSE: plan_endorse,
    Action.REOPEN: plan_reopen,
    Action.CIRCULATE: plan_circulate,
    Action.APPROVE: plan_approve,
}


def plan_transition(
    *,
    plan: WorkPlan,
    user,
    action: str,
    reason: str = "",
    confirm_late: bool = False,
    version_number: int | None = None,
):
    """Dispatches a named action (from a form or the API) to its service."""
    if action not in SERVICES:
        raise DomainError(f"{action!r} is not a step of the review workflow.")
    kwargs = {"plan": plan, "user": user, "reason": reason}
    if action == Action.CIRCULATE:
        kwargs["confirm_late"] = confirm_late
    if action == Action.ENDORSE:
        kwargs["version_number"] = version_number
    return SERVICES[Action(action)](**kwargs)


# --- review visits ---------------------------------------------------------------------------


def _mark_reviewed(plan: WorkPlan, *, user, version: PlanVersion | None) -> None:
    if version is None:
        return
    ReviewVisit.objects.update_or_create(
        plan=plan, member=user, defaults={"version": version, "at": timezone.now()}
    )


@transaction.atomic
def review_visit_record(*, plan: WorkPlan, user, version: PlanVersion) -> None:
    """A Committee member read `version` in full (the redline up to it): later redlines start
    there. Other roles are not tracked."""
    if access.can_review_plan(user) and version is not None:
        _mark_reviewed(plan, user=user, version=version)


# --- comments --------------------------------------------------------------------------------

COMMENT_MAX_LENGTH = 4000


@transaction.atomic
def comment_add(
    *,
    plan: WorkPlan,
    user,
    body: str,
    anchor=None,
    anchor_label: str = "",
    parent: Comment | None = None,
) -> Comment:
    """A comment (or a reply) by ISU staff or a Committee member, anchored to a part of the
    plan (a paragraph, lettered item, activity or budget line) or to the plan as a whole."""
    if not access.can_view_review(user, plan):
        raise DomainError("Only ISU staff and Coordination Committee members comment on a plan.")
    if not access.can_comment_on_plan(user, plan):
        raise DomainError("The plan is approved; the review is closed.")
    body = (body or "").strip()
    if not body:
        raise DomainError("Write the comment.", field="body")
    if len(body) > COMMENT_MAX_LENGTH:
        raise DomainError(
            f"The comment is {len(body)} characters long; the limit is {COMMENT_MAX_LENGTH}.",
            field="body",
        )
    if parent is not None:
        if parent.plan_id != plan.pk:
            raise DomainError("That comment belongs to another plan.", field="parent")
        # Replies join the thread's root and share its anchor.
        while parent.parent_id is not None:
            parent = parent.parent
        anchor_type, anchor_id, anchor_label = (
            parent.anchor_type,
            parent.anchor_id,
            parent.anchor_label,
        )
    elif anchor is not None:
        anchor_type = ContentType.objects.get_for_model(anchor)
        anchor_id = anchor.pk
    else:
        anchor_type, anchor_id = None, None
        anchor_label = anchor_label or "The plan as a whole"
    comment = Comment.objects.create(
        plan=plan,
        version=current_version(plan),
        parent=parent,
        author=user,
        body=body,
        anchor_type=anchor_type,
        anchor_id=anchor_id,
        anchor_label=anchor_label[:120],
        created_at=timezone.now(),
    )
    from review.tasks import send_comment_notices

    transaction.on_commit(lambda: send_comment_notices.delay(comment.pk))
    return comment


@transaction.atomic
def comment_resolve(*, comment: Comment, user) -> Comment:
    """Marks a thread resolved (ISU staff, or the comment's author)."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if not access.can_resolve_comment(user, comment):
        raise DomainError("Only ISU staff or the comment's author resolve it.")
    if comment.parent_id is not None:
        raise DomainError("Resolve the thread from its first comment.")
    if comment.resolved_at is not None:
        raise DomainError("This comment is already resolved.")
    comment.resolved_at = timezone.now()
    comment.resolved_by = user
    comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment
