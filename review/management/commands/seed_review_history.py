from django.core.management.base import BaseCommand, CommandError

from isu_portal.errors import DomainError
from review.seed import review_history_seed


class Command(BaseCommand):
    help = (
        "Record the 2025 plan's review history (endorsed, circulated 12 July 2024, approved at "
        "the 12MSP) and create the 2026 draft from it (idempotent)."
    )

    def handle(self, *args, **options):
        try:
            result = review_history_seed()
        except DomainError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            "2025 plan history: "
            + ("recorded, the plan is approved." if result.history_recorded else "already there.")
        )
        self.stdout.write(
            "2026 draft: "
            + ("created from the 2025 plan." if result.draft_created else "already there.")
        )
