from celery import shared_task

from reporting.services import workplan_documents_render


@shared_task(bind=True, max_retries=3, default_retry_delay=30, acks_late=True)
def render_workplan_documents(self, plan_ids: list[int], kinds: list[str] | None = None):
    """Renders (or finds already stored) the documents of the given plans. Idempotent: the
    content hash is the key, so a retry or a duplicate message stores nothing twice."""
    documents = workplan_documents_render(plan_ids=plan_ids, kinds=tuple(kinds or ["pdf"]))
    return [document.hash for document in documents]
