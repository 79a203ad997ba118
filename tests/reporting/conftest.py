import pytest
from django.core.management import call_command

from reporting import services


@pytest.fixture
def plan_2025(db):
    """The 2025 plan and budget as CCM/MSP/2024/3 reads (a draft)."""
    from workplan.models import WorkPlan

    call_command("load_workplan_2025", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return WorkPlan.objects.select_related("meeting").get(year=2025)


@pytest.fixture
def fake_render(monkeypatch):
    """Replaces WeasyPrint/python-docx by a recorder for tests about storage, access and
    queries (the real renders are tested in test_fidelity and test_docx); the stored bytes
    name the HTML they were made from, so a test can tell renders apart."""
    calls = []

    def render(*, plan, kind, html, context):
        calls.append((plan.pk, kind))
        return f"%{kind.upper()} rendered #{len(calls)} of {len(html)} characters".encode()

    monkeypatch.setattr(services, "_render", render)
    return calls
