from django.core.management.base import BaseCommand, CommandError

from budget.formatting import format_chf
from budget.seed_2025 import budget_2025_load
from budget.selectors import budget_total


class Command(BaseCommand):
    help = "Load the 2025 budget (section VI of CCM/MSP/2024/3) onto the 2025 plan. Idempotent."

    def handle(self, *args, **options):
        from workplan.models import WorkPlan

        plan = WorkPlan.objects.filter(year=2025).first()
        if plan is None:
            raise CommandError(
                "There is no 2025 work plan to attach the budget to: run load_workplan_2025 first."
            )
        budget_2025_load(plan=plan)
        self.stdout.write(f"2025 budget loaded: total CHF {format_chf(budget_total(plan=plan))}")
