"""The issue job and its e-mails: each contact gets each invoice exactly once, whatever is
retried, duplicated or killed half-way."""

import threading
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections

from contributions import services, tasks
from contributions.models import Invoice, IssueJob, ItemOutcome, JobStatus, SentMail
from tests.contributions.factories import issue
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def _mails_per_recipient_and_invoice():
    counts: dict[tuple[str, str], int] = {}
    for message in mail.outbox:
        number = message.attachments[0][0].removesuffix(".pdf")
        for address in message.to:
            counts[(address, number)] = counts.get((address, number), 0) + 1
    return counts


def test_job_issues_and_mails_each_state_its_pdf(
    small_world, budget_2025, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.issue_job_start(year=2025, send=True)
    job.refresh_from_db()
    assert job.status == JobStatus.FINISHED and job.total == 4
    assert Invoice.objects.count() == 4
    assert len(mail.outbox) == 4
    message = next(m for m in mail.outbox if m.to == ["finance@fra.example.org"])
    name, content, mimetype = message.attachments[0]
    assert name == "ISU-2025-0001.pdf" and mimetype == "application/pdf"
    assert content.startswith(b"%PDF")
    assert "CCM-ISU ISU-2025-0001" in message.body
    assert set(job.items.values_list("outcome", flat=True)) == {ItemOutcome.ISSUED}
    assert all(
        r.startswith("sent to 1 contact") for r in job.items.values_list("mail_result", flat=True)
    )


def test_duplicate_enqueue_and_retry_send_nothing_twice(
    small_world, budget_2025, django_capture_on_commit_callbacks
):
    ContactFactory(state=small_world[0], email="second@fra.example.org")
    with django_capture_on_commit_callbacks(execute=True):
        job = services.issue_job_start(year=2025, send=True)
    # The broker redelivers the job and every item (acks_late), and the job is enqueued again.
    tasks.issue_job_run(job.pk)
    for item_id in job.items.values_list("pk", flat=True):
        tasks.issue_job_item_send(item_id)
    with django_capture_on_commit_callbacks(execute=True):
        second = services.issue_job_start(year=2025, send=True)
    counts = _mails_per_recipient_and_invoice()
    assert set(counts.values()) == {1}
    assert len(counts) == 5  # four States, France with two contacts
    assert set(second.items.values_list("outcome", flat=True)) == {ItemOutcome.ALREADY_ISSUED}
    assert all("already sent" in r for r in second.items.values_list("mail_result", flat=True))
    assert SentMail.objects.count() == 4


class WorkerKilled(BaseException):
    """Stands for the worker process dying: not an error the task could catch."""


def test_a_worker_killed_mid_batch_loses_nothing_and_sends_nothing_twice(
    small_world, budget_2025, django_capture_on_commit_callbacks
):
    real_send = mail.EmailMessage.send
    calls = {"n": 0}

    def dies_on_third(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise WorkerKilled
        return real_send(self, *args, **kwargs)

    with (
        mock.patch.object(mail.EmailMessage, "send", dies_on_third),
        pytest.raises(WorkerKilled),
        django_capture_on_commit_callbacks(execute=True),
    ):
        job = services.issue_job_start(year=2025, send=True)
    job = IssueJob.objects.get()
    assert Invoice.objects.count() == 4  # issuing is committed before any e-mail goes
    assert len(mail.outbox) == 2
    assert job.status == JobStatus.RUNNING
    # The broker redelivers the unacknowledged task: the same job continues.
    tasks.issue_job_run(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FINISHED
    counts = _mails_per_recipient_and_invoice()
    assert len(counts) == 4 and set(counts.values()) == {1}


def test_a_failing_mail_is_reported_per_state_and_sent_by_the_next_run(
    small_world, budget_2025, django_capture_on_commit_callbacks
):
    real_send = mail.EmailMessage.send

    def refuse_lao(self, *args, **kwargs):
        if "finance@lao.example.org" in self.to:
            raise ConnectionRefusedError("mail server down")
        return real_send(self, *args, **kwargs)

    with (
        mock.patch.object(mail.EmailMessage, "send", refuse_lao),
        django_capture_on_commit_callbacks(execute=True),
    ):
        job = services.issue_job_start(year=2025, send=True)
    item = job.items.get(state__iso3="LAO")
    assert item.outcome == ItemOutcome.FAILED and "mail server down" in item.mail_result
    assert not SentMail.objects.filter(invoice__state__iso3="LAO").exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_job_start(year=2025, send=True)
    assert len(_mails_per_recipient_and_invoice()) == 4
    assert set(_mails_per_recipient_and_invoice().values()) == {1}


def test_state_without_invoice_contact_is_reported(
    small_world, budget_2025, django_capture_on_commit_callbacks
):
    small_world[3].contacts.update(receives_invoices=False)
    with django_capture_on_commit_callbacks(execute=True):
        job = services.issue_job_start(year=2025, send=True)
    assert job.items.get(state__iso3="VAT").mail_result == "no contact receives invoices"
    assert len(mail.outbox) == 3


@pytest.mark.django_db(transaction=True)
def test_issue_invoices_command(small_world, budget_2025):
    # Outside a test transaction, as in real use: the job is enqueued when its row commits.
    out = StringIO()
    call_command("issue_invoices", "2025", "--send", "--timeout", "30", stdout=out)
    assert "4 invoice(s) issued, 0 already issued, 0 failed." in out.getvalue()
    assert "ISU-2025-0001" in out.getvalue()
    assert len(mail.outbox) == 4
    call_command("issue_invoices", "2025", "--send", "--timeout", "30", stdout=out)
    assert "0 invoice(s) issued, 4 already issued" in out.getvalue()
    assert len(mail.outbox) == 4


def test_issue_invoices_command_refuses_an_unapproved_budget(small_world):
    with pytest.raises(CommandError, match="no work plan for 2025"):
        call_command("issue_invoices", "2025", stdout=StringIO())
    assert not IssueJob.objects.exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL row locks; CI sets DATABASE_URL"
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_sending_the_same_invoice_at_once_send_it_once(small_world):
    invoice = issue(small_world[0])
    barrier = threading.Barrier(2)
    results = []

    def worker():
        try:
            barrier.wait()
            results.append(services.invoice_mail_send(invoice=invoice).sent)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True]
    assert len(mail.outbox) == 1
