from django.core.management.base import BaseCommand, CommandError

from isu_portal.errors import DomainError
from workplan.loading import workplan_2025_load
from workplan.selectors import plan_counts


class Command(BaseCommand):
    help = "Create the 2025 ISU work plan (CCM/MSP/2024/3) as a draft (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Replace the content of the existing 2025 draft with the official document's.",
        )

    def handle(self, *args, reset=False, **options):
        try:
            result = workplan_2025_load(reset=reset)
        except DomainError as error:
            raise CommandError("; ".join(error.messages)) from error
        counts = plan_counts(plan=result.plan)
        verb = "Loaded" if result.created else "Already present, left unchanged:"
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"{verb} the {result.plan.year} work plan ({summary}).")
