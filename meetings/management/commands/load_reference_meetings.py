from django.core.management.base import BaseCommand

from meetings.services import reference_meetings_load


class Command(BaseCommand):
    help = "Load the reference meetings (12MSP, 13MSP). Idempotent."

    def handle(self, *args, **options):
        meetings = reference_meetings_load()
        self.stdout.write(
            f"{len(meetings)} reference meetings: " + ", ".join(m.short_name for m in meetings)
        )
