"""Celery tasks of the review: they take ids, load fresh state and are safe to run twice."""

from celery import shared_task

from review import notices
from review.models import Comment, Transition

RETRY = {"autoretry_for": (OSError,), "retry_backoff": True, "max_retries": 5}


@shared_task(name="review.send_transition_notices", **RETRY)
def send_transition_notices(transition_id: int) -> int:
    entry = (
        Transition.objects.select_related("plan__meeting", "version", "voids")
        .filter(pk=transition_id)
        .first()
    )
    if entry is None:
        return 0
    notice = notices.notice_for_transition(entry)
    return notices.deliver(notice) if notice else 0


@shared_task(name="review.send_comment_notices", **RETRY)
def send_comment_notices(comment_id: int) -> int:
    comment = Comment.objects.select_related("plan", "author").filter(pk=comment_id).first()
    if comment is None:
        return 0
    return notices.deliver(notices.notice_for_comment(comment))
