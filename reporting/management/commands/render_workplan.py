import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from isu_portal.errors import DomainError
from reporting.models import DocumentKind
from reporting.services import workplan_document_get_or_render, workplan_documents_enqueue
from workplan.models import WorkPlan


class Command(BaseCommand):
    help = (
        "Render a work plan's official document: `render_workplan 2025 --output plan.pdf` "
        "(stored under its content hash and copied to FILE), or queue batch renders with "
        "`render_workplan 2024 2025 --enqueue` / `render_workplan --all --enqueue`."
    )

    def add_arguments(self, parser):
        parser.add_argument("years", nargs="*", type=int)
        parser.add_argument("--output", "-o", help="Copy the document to this file.")
        parser.add_argument("--kind", choices=DocumentKind.values, default=None)
        parser.add_argument("--all", action="store_true", help="Every plan.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Render in Celery instead of here."
        )

    def handle(self, *args, years, output=None, kind=None, all=False, enqueue=False, **options):
        if kind is None:
            kind = Path(output).suffix.lstrip(".") if output else DocumentKind.PDF
            if kind not in DocumentKind.values:
                raise CommandError(f"Cannot tell the kind from {output}; pass --kind.")
        plans = WorkPlan.objects.select_related("meeting").order_by("year")
        if not all:
            if not years:
                raise CommandError("Name a year (or pass --all).")
            plans = plans.filter(year__in=years)
            missing = sorted(set(years) - {plan.year for plan in plans})
            if missing:
                raise CommandError(f"No work plan for {', '.join(map(str, missing))}.")
        plans = list(plans)
        if output and len(plans) != 1:
            raise CommandError("--output needs exactly one year.")
        if enqueue:
            with transaction.atomic():
                workplan_documents_enqueue(plan_ids=[plan.pk for plan in plans], kinds=[kind])
            self.stdout.write(f"Queued the {kind} of {len(plans)} plan(s).")
            return
        for plan in plans:
            try:
                document = workplan_document_get_or_render(plan=plan, kind=kind)
            except DomainError as error:
                raise CommandError("; ".join(error.messages)) from error
            if output:
                shutil.copyfile(document.absolute_path, output)
                self.stdout.write(f"Wrote {output} ({document.size} bytes).")
            else:
                self.stdout.write(f"{plan.year}: {document.absolute_path} ({document.size} bytes)")
