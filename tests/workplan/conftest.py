import os

import pytest
from django.core.management import call_command

from workplan.models import WorkPlan


@pytest.fixture
def plan_2025(db) -> WorkPlan:
    """The 2025 plan as `make run` loads it (without the participants: the loader tolerates
    their absence)."""
    call_command("load_workplan_2025", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return WorkPlan.objects.get(year=2025)


@pytest.fixture
def activities_of(plan_2025):
    """The activities of the first output of the first outcome, in order."""

    def get(plan=plan_2025, outcome=1, output=1):
        from workplan.models import Activity

        return list(
            Activity.objects.filter(
                output__outcome__plan=plan,
                output__outcome__position=outcome,
                output__position=output,
            ).order_by("position")
        )

    return get
