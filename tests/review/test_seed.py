import os
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from review.models import Action, PlanVersion, Transition
from review.selectors import review_status
from review.snapshot import content_hash
from workplan.models import PlanStatus, WorkPlan

pytestmark = pytest.mark.django_db


def _run(name):
    call_command(name, stdout=open(os.devnull, "w"))  # noqa: SIM115


def test_seed_records_the_real_history_and_a_2026_draft(client_for):
    _run("load_workplan_2025")
    _run("seed_review_history")
    plan = WorkPlan.objects.get(year=2025)
    assert plan.status == PlanStatus.APPROVED
    [version] = PlanVersion.objects.filter(plan=plan)
    assert content_hash(version.content) == version.content_hash
    entries = list(Transition.objects.filter(plan=plan))
    assert [(e.action, e.at.date()) for e in entries] == [
        (Action.SUBMIT, date(2024, 6, 3)),
        (Action.ENDORSE, date(2024, 6, 14)),
        (Action.CIRCULATE, date(2024, 7, 12)),
        (Action.APPROVE, date(2024, 9, 13)),
    ]
    assert all(e.version == version for e in entries) and not any(e.late for e in entries)
    # Circulated exactly on the deadline: 60 days before the 12MSP opened on 10 September 2024.
    status = review_status(plan=plan, user=_anonymous())
    assert status.deadline == date(2024, 7, 12)
    assert mail.outbox == []
    draft = WorkPlan.objects.get(year=2026)
    assert draft.status == PlanStatus.DRAFT and draft.meeting.short_name == "13MSP"
    assert draft.cost_lines.count() == plan.cost_lines.count() > 0
    # Approved: public.
    assert client_for(None).get("/workplans/2025/").status_code == 200
    assert client_for(None).get("/workplans/2026/").status_code == 404


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_seed_is_idempotent():
    _run("load_workplan_2025")
    _run("seed_review_history")
    _run("load_workplan_2025")
    _run("seed_review_history")
    assert PlanVersion.objects.count() == 1
    assert Transition.objects.count() == 4
    assert WorkPlan.objects.filter(year=2026).count() == 1


def test_seed_needs_the_2025_plan():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="load_workplan_2025"):
        _run("seed_review_history")
