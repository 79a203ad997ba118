from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from contributions.services import reminders_send_due


class Command(BaseCommand):
    help = "Send the contribution reminders due today (each invoice and level at most once)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list them; send nothing")
        parser.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")

    def handle(self, *args, dry_run, today, **options):
        today = today or timezone.localdate()
        outcomes = reminders_send_due(today=today, dry_run=dry_run)
        for outcome in outcomes:
            self.stdout.write(
                f"  {outcome.invoice.number} {outcome.invoice.state.name}: "
                f"{outcome.level.name}: {outcome.detail}"
            )
        self.stdout.write(
            f"{len(outcomes)} reminder(s) due on {today:%Y-%m-%d}"
            f"{' (dry run: nothing sent)' if dry_run else ''}."
        )
