"""Reminders on a frozen clock: the right level on the right day, each at most once."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django_celery_beat.models import PeriodicTask

from contributions import services, tasks
from contributions.models import ReminderLevel, SentMail
from isu_portal.errors import DomainError
from tests.contributions.factories import issue

pytestmark = pytest.mark.django_db


def _send(day):
    return [(o.invoice.number, o.level.offset_days) for o in services.reminders_send_due(today=day)]


def test_default_levels_and_the_daily_beat_task_exist():
    assert list(ReminderLevel.objects.values_list("offset_days", flat=True)) == [-30, 0, 30, 90]
    task = PeriodicTask.objects.get(name="Send due contribution reminders")
    assert task.task == "contributions.send_due_reminders" and task.enabled
    assert task.crontab.hour == "7" and task.crontab.minute == "0"
    assert services.reminder_schedule_ensure() is False  # already there: idempotent


def test_schedule_on_a_frozen_clock(small_world, state_a):
    invoice = issue(state_a)  # issued 1 Feb 2025, due 2 Apr 2025
    assert _send(date(2025, 3, 2)) == []
    assert _send(date(2025, 3, 3)) == [("ISU-2025-0001", -30)]
    assert _send(date(2025, 3, 3)) == []  # the same day again: nothing twice
    assert _send(date(2025, 3, 20)) == []
    assert _send(date(2025, 4, 2)) == [("ISU-2025-0001", 0)]
    assert _send(date(2025, 5, 1)) == []
    assert _send(date(2025, 5, 2)) == [("ISU-2025-0001", 30)]
    assert _send(date(2025, 7, 1)) == [("ISU-2025-0001", 90)]
    assert _send(date(2025, 12, 31)) == []
    assert len(mail.outbox) == 4
    message = mail.outbox[-1]
    assert message.subject == "Second notice: contribution ISU-2025-0001 is 90 days overdue"
    assert "Amount outstanding: CHF 1'000.00" in message.body
    name, content, mimetype = message.attachments[0]
    assert name == "statement-FRA-2025-07-01.pdf" and content.startswith(b"%PDF")
    assert SentMail.objects.filter(invoice=invoice).count() == 4


def test_a_paid_or_credited_invoice_gets_no_reminder(small_world, state_a, state_b):
    paid = issue(state_a)
    services.payment_record(
        state=state_a, invoice=paid, amount=Decimal("1000"), received_on=date(2025, 3, 1)
    )
    credited = issue(state_b)
    services.credit_note_issue(
        invoice=credited, amount=Decimal("1000"), reason="Error", issue_date=date(2025, 2, 2)
    )
    assert _send(date(2025, 5, 2)) == []
    assert mail.outbox == []


def test_catching_up_sends_only_the_latest_level_reached(small_world, state_a):
    issue(state_a)
    assert _send(date(2025, 5, 10)) == [("ISU-2025-0001", 30)]
    assert _send(date(2025, 5, 11)) == []


def test_a_level_dated_before_the_invoice_is_skipped(small_world, state_a, settings):
    settings.CONTRIBUTIONS_PAYMENT_TERMS_DAYS = 10
    issue(state_a)  # due 11 Feb: the -30 level (12 Jan) predates the invoice
    assert _send(date(2025, 2, 1)) == []
    assert _send(date(2025, 2, 11)) == [("ISU-2025-0001", 0)]


def test_dry_run_command_lists_and_sends_nothing(small_world, state_a):
    issue(state_a)
    out = StringIO()
    call_command("send_due_reminders", "--dry-run", "--today", "2025-04-02", stdout=out)
    assert "ISU-2025-0001 France: Due today: would be sent" in out.getvalue()
    assert "(dry run: nothing sent)" in out.getvalue()
    assert mail.outbox == [] and not SentMail.objects.exists()
    call_command("send_due_reminders", "--today", "2025-04-02", stdout=out)
    assert len(mail.outbox) == 1


def test_the_beat_task_sends_once_however_often_it_runs(small_world, state_a):
    issue(state_a)  # long overdue on the real clock
    tasks.send_due_reminders()
    tasks.send_due_reminders()
    assert len(mail.outbox) == 1


def test_a_level_with_a_broken_template_is_refused(db):
    with pytest.raises(DomainError, match="not a valid template"):
        services.reminder_level_save(name="Broken", offset_days=10, subject="{% if %}", body="text")
    with pytest.raises(DomainError, match="already 30 days"):
        services.reminder_level_save(name="Dup", offset_days=30, subject="s", body="b")
    assert ReminderLevel.objects.count() == 4
