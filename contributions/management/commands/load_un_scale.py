from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from contributions.services import UN_SCALE_FILE, un_scale_load
from isu_portal.errors import DomainError


class Command(BaseCommand):
    help = "Load the UN scale of assessments for a period (default 2025-2027). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=UN_SCALE_FILE)
        parser.add_argument("--first-year", type=int, default=2025)
        parser.add_argument("--last-year", type=int, default=2027)

    def handle(self, *args, file, first_year, last_year, **options):
        try:
            result = un_scale_load(path=file, first_year=first_year, last_year=last_year)
        except DomainError as error:
            raise CommandError(
                f"{file} was rejected; nothing was changed:\n  " + "\n  ".join(error.messages)
            ) from error
        self.stdout.write(
            f"UN scale {first_year}-{last_year}: {result.created} created, {result.updated} "
            f"updated, {result.unchanged} unchanged; {len(result.not_in_registry)} UN Member "
            "States are not in the States registry."
        )
