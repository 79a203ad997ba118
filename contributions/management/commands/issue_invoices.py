import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from budget.formatting import format_chf
from contributions import selectors, services
from contributions.models import IssueJob, JobStatus
from isu_portal.errors import DomainError


class Command(BaseCommand):
    help = (
        "Issue every State Party's invoice for a budget year (nothing twice) and, with --send, "
        "e-mail each State's contacts its PDF. Runs as a Celery job; waits for it to finish."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--send", action="store_true", help="e-mail the invoices")
        parser.add_argument(
            "--no-wait", action="store_true", help="enqueue the job and return at once"
        )
        parser.add_argument("--timeout", type=int, default=600, help="seconds to wait")

    def handle(self, *args, year, send, no_wait, timeout, **options):
        try:
            job = services.issue_job_start(year=year, send=send)
        except DomainError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(f"Job {job.pk}: {job.total} States for {year}.")
        if no_wait and not settings.CELERY_TASK_ALWAYS_EAGER:
            return
        deadline = time.monotonic() + timeout
        while True:
            job.refresh_from_db()
            if job.status in (JobStatus.FINISHED, JobStatus.FAILED):
                break
            if time.monotonic() > deadline:
                raise CommandError(f"job {job.pk} is still running after {timeout} s")
            time.sleep(0.5)
        self._report(job)

    def _report(self, job: IssueJob):
        if job.status == JobStatus.FAILED:
            raise CommandError(f"job {job.pk} failed: {job.error}")
        progress = selectors.issue_job_progress(job=job)
        for item in progress["items"]:
            number = item.invoice.number if item.invoice else "-"
            self.stdout.write(
                f"  {item.state.name:<45} {number:<14} CHF {format_chf(item.amount):>12}  "
                f"{item.get_outcome_display()}"
                f"{'; ' + item.mail_result if item.mail_result else ''}"
            )
        issued = sum(1 for item in progress["items"] if item.outcome == "issued")
        self.stdout.write(
            f"{issued} invoice(s) issued, {progress['total'] - issued - progress['failed']} "
            f"already issued, {progress['failed']} failed."
        )
