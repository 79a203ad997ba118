from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from accounts.services import demo_accounts_ensure

# Reference data first, then the demo layer. Each command is idempotent, so `make run` can
# call this every time.
REFERENCE_COMMANDS = [
    ("load_participants", []),
    ("load_un_scale", []),
    ("seed_demo_contacts", []),
    ("load_reference_meetings", []),
    ("load_workplan_2025", []),
    ("seed_review_history", []),
]


class Command(BaseCommand):
    help = "Load reference data and the demo accounts of the dev set-up (idempotent)."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_ACCOUNTS", False):
            raise CommandError("seed_demo runs only with the dev settings (DEMO_ACCOUNTS is off).")
        for name, arguments in REFERENCE_COMMANDS:
            call_command(name, *arguments, stdout=self.stdout)
        accounts = demo_accounts_ensure(password=settings.DEMO_PASSWORD)
        self.stdout.write("\nDemo accounts (password from DEMO_PASSWORD):")
        for account in accounts:
            self.stdout.write(f"  {account.username:<14} {account.role}")
        self.stdout.write(f"  password: {settings.DEMO_PASSWORD}\n")
