"""Background work of the meetings app (Celery)."""

from celery import shared_task

from meetings import services


@shared_task(name="meetings.sweep_document_files")
def sweep_document_files() -> int:
    """Daily (django-celery-beat): removes uploaded files no document refers to. Idempotent."""
    return len(services.document_files_sweep())
