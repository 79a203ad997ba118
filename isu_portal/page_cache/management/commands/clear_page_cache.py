"""After data changed outside Django (a restored dump, SQL typed into psql): every page that
any worker keeps is treated as stale from now on."""

from django.core.management.base import BaseCommand

from isu_portal.page_cache.tables import mark_all_written


class Command(BaseCommand):
    help = "Marks every table as written now, so that no stored page is served again."
    requires_system_checks = []  # an operator's repair step must run whatever else is amiss

    def handle(self, *args, **options):
        mark_all_written()
        self.stdout.write("Every stored page is now stale.")
