"""The store of rendered documents: one file per content, found fast, never deleted."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from reporting.models import RenderedDocument
from reporting.services import workplan_document_get_or_render
from reporting.tasks import render_workplan_documents
from tests.callbacks import app_callbacks
from workplan.models import Activity, PlanStatus, WorkPlan
from workplan.services import part_move, part_update

pytestmark = pytest.mark.django_db


def test_an_unchanged_plan_is_rendered_once(plan_2025, fake_render):
    first = workplan_document_get_or_render(plan=plan_2025)
    again = workplan_document_get_or_render(plan=plan_2025)
    assert again.pk == first.pk
    assert fake_render == [(plan_2025.pk, "pdf")]
    assert first.absolute_path.read_bytes().startswith(b"%PDF rendered #1")
    assert first.size == first.absolute_path.stat().st_size
    assert first.path == f"workplans/2025/{first.hash}.pdf"


def test_every_change_that_shows_yields_a_new_file_and_keeps_the_old(plan_2025, fake_render):
    first = workplan_document_get_or_render(plan=plan_2025)
    activity = Activity.objects.order_by("pk").first()
    part_update(part=activity, text=activity.text + " Revised.", version=activity.version)
    second = workplan_document_get_or_render(plan=plan_2025)
    # A move rewrites positions by bulk update (no history row): still a new document.
    part_move(part=Activity.objects.get(pk=activity.pk), position=2)
    third = workplan_document_get_or_render(plan=plan_2025)
    assert len({first.hash, second.hash, third.hash}) == 3
    assert len(fake_render) == 3
    assert all(doc.absolute_path.is_file() for doc in (first, second, third))
    assert RenderedDocument.objects.count() == 3


def test_a_change_the_document_does_not_show_renders_nothing(plan_2025, fake_render):
    first = workplan_document_get_or_render(plan=plan_2025)
    # The status is not printed: the data fingerprint changes, the HTML hash does not.
    WorkPlan.objects.filter(pk=plan_2025.pk).update(status=PlanStatus.UNDER_REVIEW)
    again = workplan_document_get_or_render(plan=WorkPlan.objects.get(pk=plan_2025.pk))
    assert again.pk == first.pk
    assert len(fake_render) == 1
    assert again.fingerprint != first.fingerprint  # now found without rendering the HTML


def test_a_stored_row_whose_file_was_lost_is_rendered_again(plan_2025, fake_render):
    first = workplan_document_get_or_render(plan=plan_2025)
    first.absolute_path.unlink()
    again = workplan_document_get_or_render(plan=plan_2025)
    assert again.pk == first.pk and again.absolute_path.is_file()
    assert len(fake_render) == 2


def test_pdf_and_docx_are_stored_apart(plan_2025, fake_render):
    pdf = workplan_document_get_or_render(plan=plan_2025, kind="pdf")
    docx = workplan_document_get_or_render(plan=plan_2025, kind="docx")
    assert pdf.hash != docx.hash and docx.path.endswith(".docx")


def test_an_unknown_kind_is_refused_and_stores_nothing(plan_2025, fake_render):
    from isu_portal.errors import DomainError

    with pytest.raises(DomainError, match="Unknown document kind"):
        workplan_document_get_or_render(plan=plan_2025, kind="odt")
    assert not RenderedDocument.objects.exists() and not fake_render


def test_the_batch_task_is_idempotent(plan_2025, fake_render):
    hashes = render_workplan_documents.delay([plan_2025.pk, 999999], ["pdf", "docx"]).get()
    again = render_workplan_documents.delay([plan_2025.pk], ["pdf", "docx"]).get()
    assert hashes == again and len(hashes) == 2
    assert RenderedDocument.objects.count() == 2 and len(fake_render) == 2


def test_the_command_writes_the_file(plan_2025, fake_render, tmp_path):
    target = tmp_path / "plan.pdf"
    out = StringIO()
    call_command("render_workplan", "2025", "--output", str(target), stdout=out)
    assert target.read_bytes().startswith(b"%PDF rendered")
    assert "Wrote" in out.getvalue()
    call_command("render_workplan", "2025", "--output", str(tmp_path / "p.docx"), stdout=out)
    assert (tmp_path / "p.docx").read_bytes().startswith(b"%DOCX rendered")


def test_the_command_enqueues_after_commit(
    plan_2025, fake_render, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("render_workplan", "--all", "--enqueue", stdout=StringIO())
    assert len(app_callbacks(callbacks)) == 1
    assert RenderedDocument.objects.filter(plan=plan_2025, kind="pdf").exists()


def test_the_command_refuses_a_missing_year_and_renders_nothing(plan_2025, fake_render, tmp_path):
    target = tmp_path / "never.pdf"
    with pytest.raises(CommandError, match="No work plan for 2031"):
        call_command("render_workplan", "2031", "--output", str(target))
    with pytest.raises(CommandError, match="Name a year"):
        call_command("render_workplan")
    assert not fake_render and not target.exists()


def test_a_new_stylesheet_yields_a_new_file(plan_2025, fake_render, monkeypatch):
    from reporting import services

    first = workplan_document_get_or_render(plan=plan_2025)
    services.assets_digest.cache_clear()
    monkeypatch.setattr(services, "assets_digest", lambda: "another stylesheet")
    second = workplan_document_get_or_render(plan=plan_2025)
    assert second.hash != first.hash and len(fake_render) == 2


def test_a_new_budget_amount_or_meeting_date_yields_a_new_document(plan_2025, fake_render):
    import datetime
    from decimal import Decimal

    from budget.models import CostLine
    from budget.services import cost_line_update
    from meetings.services import meeting_update

    first = workplan_document_get_or_render(plan=plan_2025)
    line = CostLine.objects.get(plan=plan_2025, category="travel")
    cost_line_update(line=line, amount=Decimal("28000"), note=line.note)
    second = workplan_document_get_or_render(plan=plan_2025)
    assert second.hash != first.hash
    meeting_update(meeting=plan_2025.meeting, end_date=datetime.date(2024, 9, 14))
    third = workplan_document_get_or_render(plan=WorkPlan.objects.get(pk=plan_2025.pk))
    assert len({first.hash, second.hash, third.hash}) == 3 and len(fake_render) == 3
