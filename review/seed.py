"""The 2025 plan's real review history, and a 2026 draft to try the review on.

What is real (from CCM/MSP/2024/3 itself): the document is dated 14 June 2024; paragraph 3
says it "has been reviewed and endorsed by the Coordination Committee"; paragraph 2 says it is
circulated 60 days before the 12MSP (10-13 September 2024), i.e. by 12 July 2024; the 12MSP
approved it. What is a stand-in: the day of submission to the Committee (3 June 2024), the day
of endorsement (taken as the document's date), the day of approval (the 12MSP's closing day)
and the actors, recorded by name as historical records rather than as portal accounts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import transaction

from isu_portal.errors import DomainError
from review.models import Action, PlanVersion
from review.services import _freeze, _record, _set_status
from workplan.models import PlanStatus, WorkPlan
from workplan.services import plan_copy_to_next_year

HISTORY_2025 = [
    # (action, status after, when, by, reason)
    (
        Action.SUBMIT,
        PlanStatus.UNDER_REVIEW,
        datetime(2024, 6, 3, 9, 0, tzinfo=UTC),
        "ISU Director (historical record)",
        "Draft 2025 work plan and budget submitted to the Coordination Committee.",
    ),
    (
        Action.ENDORSE,
        PlanStatus.ENDORSED,
        datetime(2024, 6, 14, 12, 0, tzinfo=UTC),
        "Coordination Committee (historical record)",
        "Reviewed and endorsed by the Coordination Committee (CCM/MSP/2024/3, paragraph 3).",
    ),
    (
        Action.CIRCULATE,
        PlanStatus.CIRCULATED,
        datetime(2024, 7, 12, 9, 0, tzinfo=UTC),
        "ISU (historical record)",
        "Circulated to all States Parties 60 days before the 12MSP (CCM/CONF/2021/6 para. 83).",
    ),
    (
        Action.APPROVE,
        PlanStatus.APPROVED,
        datetime(2024, 9, 13, 17, 0, tzinfo=UTC),
        "Twelfth Meeting of States Parties",
        "Approved by the 12MSP, Geneva, 10-13 September 2024.",
    ),
]


@dataclass
class SeedResult:
    history_recorded: bool
    draft_created: bool


@transaction.atomic
def review_history_seed() -> SeedResult:
    """Records the 2025 plan's history (one frozen version, four audit entries, no e-mail) and
    sets it approved, then copies it into a 2026 draft. Idempotent: a plan that already has a
    version keeps its history, and an existing 2026 plan is left as it is."""
    plan = (
        WorkPlan.objects.select_for_update(of=("self",))
        .select_related("meeting")
        .filter(year=2025)
        .first()
    )
    if plan is None:
        raise DomainError("Load the 2025 plan first (load_workplan_2025).")
    recorded = False
    if not PlanVersion.objects.filter(plan=plan).exists():
        if plan.status != PlanStatus.DRAFT:
            raise DomainError("The 2025 plan is no longer a draft; its history was not recorded.")
        version = _freeze(plan, user=None, at=HISTORY_2025[0][2])
        for action, status, at, who, reason in HISTORY_2025:
            before = plan.status
            _set_status(plan, status, user=None, reason=f"historical record: {action.label}")
            _record(
                plan,
                action=action,
                from_status=before,
                user=None,
                version=version,
                reason=reason,
                at=at,
                actor_name=who,
                notify=False,
            )
        recorded = True
    created = False
    if not WorkPlan.objects.filter(year=plan.year + 1).exists():
        plan_copy_to_next_year(source=plan)
        created = True
    return SeedResult(history_recorded=recorded, draft_created=created)
