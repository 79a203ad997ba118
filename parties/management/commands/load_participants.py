from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from isu_portal.errors import DomainError
from parties.services import PARTICIPANTS_FILE, participants_load


class Command(BaseCommand):
    help = "Load the Convention's participants (States Parties and signatories). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=PARTICIPANTS_FILE, help="CSV file to load")

    def handle(self, *args, file: Path, **options):
        try:
            result = participants_load(path=file)
        except DomainError as error:
            raise CommandError(
                f"{file} was rejected; nothing was changed:\n  " + "\n  ".join(error.messages)
            ) from error
        self.stdout.write(
            f"{result.total} States: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged."
        )
