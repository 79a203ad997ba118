"""Celery tasks of contributions: thin, take ids, call services, safe to retry or duplicate."""

from celery import shared_task
from django.utils import timezone

from contributions import services


@shared_task(name="contributions.issue_job_run")
def issue_job_run(job_id: int) -> int:
    """Issues the job's invoices, then fans the e-mails out one task per State so that several
    workers render and send in parallel. A re-delivered run finds the invoices issued and
    re-enqueues only the items not yet done; the mail log makes a duplicate send impossible."""
    pending = services.issue_job_run(job_id=job_id)
    for item_id in pending:
        issue_job_item_send.delay(item_id)
    return len(pending)


@shared_task(name="contributions.issue_job_item_send")
def issue_job_item_send(item_id: int) -> str:
    return services.issue_job_item_send(item_id=item_id)


@shared_task(name="contributions.send_due_reminders")
def send_due_reminders() -> int:
    """Daily (django-celery-beat): sends the reminders due today, each at most once."""
    outcomes = services.reminders_send_due(today=timezone.localdate())
    return len(outcomes)
