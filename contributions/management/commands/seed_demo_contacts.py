from django.core.management.base import BaseCommand

from contributions.services import demo_contacts_ensure


class Command(BaseCommand):
    help = "Give every State Party a demo finance contact at example.org (dev seed; idempotent)."

    def handle(self, *args, **options):
        created = demo_contacts_ensure()
        self.stdout.write(f"Demo contribution contacts: {created} created.")
