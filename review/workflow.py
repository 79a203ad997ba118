"""The review workflow of a work plan, in one place: its states, its transitions and who may
fire each. Services (review.services) consult this table; pages and the API list the actions
a user may take from it.

    Draft --submit--> Under Coordination Committee review
    Under review --request_changes--> Changes requested --revise--> Draft
    Under review --endorse (by ENDORSEMENT_RULE)--> Endorsed by the Coordination Committee
    Endorsed --circulate--> Circulated to States Parties --approve--> Approved by the MSP
    Under review | Endorsed | Circulated --reopen--> Draft  (voids the endorsement, if any)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from accounts import access
from review.models import Action
from workplan.models import PlanStatus

STATES = list(PlanStatus)


@dataclass(frozen=True)
class TransitionRule:
    action: Action
    sources: tuple[PlanStatus, ...]
    target: PlanStatus
    who: Callable[[object], bool]
    who_label: str
    button: str
    reason_required: bool = False


TRANSITIONS: dict[str, TransitionRule] = {
    rule.action.value: rule
    for rule in (
        TransitionRule(
            Action.SUBMIT,
            (PlanStatus.DRAFT,),
            PlanStatus.UNDER_REVIEW,
            access.can_run_plan_workflow,
            "ISU staff",
            "Submit to the Coordination Committee",
        ),
        TransitionRule(
            Action.REQUEST_CHANGES,
            (PlanStatus.UNDER_REVIEW,),
            PlanStatus.CHANGES_REQUESTED,
            access.can_review_plan,
            "Coordination Committee members",
            "Request changes",
            reason_required=True,
        ),
        TransitionRule(
            Action.REVISE,
            (PlanStatus.CHANGES_REQUESTED,),
            PlanStatus.DRAFT,
            access.can_run_plan_workflow,
            "ISU staff",
            "Return to draft and revise",
        ),
        TransitionRule(
            Action.ENDORSE,
            (PlanStatus.UNDER_REVIEW,),
            PlanStatus.ENDORSED,
            access.can_review_plan,
            "Coordination Committee members",
            "Endorse this version",
        ),
        TransitionRule(
            Action.REOPEN,
            (PlanStatus.UNDER_REVIEW, PlanStatus.ENDORSED, PlanStatus.CIRCULATED),
            PlanStatus.DRAFT,
            access.can_run_plan_workflow,
            "ISU staff",
            "Reopen as a draft",
            reason_required=True,
        ),
        TransitionRule(
            Action.CIRCULATE,
            (PlanStatus.ENDORSED,),
            PlanStatus.CIRCULATED,
            access.can_run_plan_workflow,
            "ISU staff",
            "Circulate to States Parties",
        ),
        TransitionRule(
            Action.APPROVE,
            (PlanStatus.CIRCULATED,),
            PlanStatus.APPROVED,
            access.can_run_plan_workflow,
            "ISU staff",
            "Record the approval by the Meeting of States Parties",
        ),
    )
}


def rule_for(action: str) -> TransitionRule | None:
    return TRANSITIONS.get(action)


def refusal(user, plan, action: str) -> str | None:
    """Why `user` may not fire `action` on `plan` now, or None if they may."""
    rule = rule_for(action)
    if rule is None:
        return f"{action!r} is not a step of the review workflow."
    if not rule.who(user):
        return f"Only {rule.who_label} may do this ({rule.action.label.lower()})."
    if plan.status not in rule.sources:
        allowed = " or ".join(PlanStatus(s).label.lower() for s in rule.sources)
        return (
            f"The {plan.year} plan is {plan.get_status_display().lower()}; this step "
            f"({rule.action.label.lower()}) is only possible when it is {allowed}."
        )
    chair_only = action == Action.ENDORSE and endorsement_rule().kind == "chair"
    if chair_only and not access.is_committee_chair(user):
        return "Only the Chair of the Coordination Committee endorses the plan."
    return None


def actions_for(user, plan) -> list[TransitionRule]:
    """The transitions `user` may fire on `plan` in its present state, in workflow order."""
    return [rule for key, rule in TRANSITIONS.items() if refusal(user, plan, key) is None]


@dataclass(frozen=True)
class EndorsementRule:
    kind: str  # "any_member" | "chair" | "quorum"
    quorum: int = 1

    @property
    def description(self) -> str:
        if self.kind == "chair":
            return "the Chair of the Coordination Committee endorses"
        if self.kind == "quorum":
            return f"{self.quorum} members of the Coordination Committee endorse the same version"
        return "a member of the Coordination Committee endorses"


def endorsement_rule() -> EndorsementRule:
    """The ENDORSEMENT_RULE setting, parsed; a wrong value stops the portal with a clear error."""
    raw = str(getattr(settings, "ENDORSEMENT_RULE", "any_member")).strip()
    if raw in ("any_member", "chair"):
        return EndorsementRule(raw)
    if raw.startswith("quorum:"):
        try:
            quorum = int(raw.split(":", 1)[1])
        except ValueError:
            quorum = 0
        if quorum >= 1:
            return EndorsementRule("quorum", quorum)
    raise ImproperlyConfigured(
        f"ENDORSEMENT_RULE={raw!r}: use 'any_member', 'chair' or 'quorum:N' (N >= 1)."
    )
