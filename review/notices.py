"""What each review notice says and to whom it goes, and its at-most-once delivery.

A notice is identified by its event (an audit entry or a comment); each recipient's delivery is
claimed by inserting a NoticeDelivery row with the unique key (event, address) before sending.
A task that is retried, or enqueued twice, finds the claim and skips that address. If sending
fails the claim is released, so that the retry sends it once."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.roles import COMMITTEE_GROUP, ISU_STAFF_GROUP
from review.models import Action, Comment, NoticeDelivery, Transition


@dataclass(frozen=True)
class Notice:
    event_key: str
    subject: str
    body: str
    recipients: list[str]


def _emails_of_group(group: str, *, exclude_user_id: int | None = None) -> list[str]:
    users = get_user_model().objects.filter(groups__name=group, is_active=True).exclude(email="")
    if exclude_user_id:
        users = users.exclude(pk=exclude_user_id)
    return sorted({u.email.lower() for u in users})


def _document_contacts() -> list[str]:
    from parties.models import Contact, State

    parties = State.objects.parties_on(timezone.localdate())
    emails = Contact.objects.filter(state__in=parties, receives_documents=True).values_list(
        "email", flat=True
    )
    return sorted({e.lower() for e in emails if e})


def _url(path: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def notice_for_transition(entry: Transition) -> Notice | None:
    plan = entry.plan
    version = f"version {entry.version.number}" if entry.version_id else "the draft"
    review_url = _url(f"/workplans/{plan.year}/review/")
    title = f"ISU {plan.year} work plan"
    reason = f"\n\nReason given: {entry.reason}" if entry.reason else ""
    key = f"transition:{entry.pk}"
    if entry.action == Action.SUBMIT:
        return Notice(
            key,
            f"{title}: {version} submitted for your review",
            f"The ISU submitted {version} of the {title} to the Coordination Committee."
            f"\n\nRead it, comment and endorse or request changes: {review_url}{reason}",
            _emails_of_group(COMMITTEE_GROUP),
        )
    if entry.action == Action.REQUEST_CHANGES:
        return Notice(
            key,
            f"{title}: changes requested on {version}",
            f"{entry.actor_name} requested changes to {version}.{reason}\n\n{review_url}",
            _emails_of_group(ISU_STAFF_GROUP),
        )
    if entry.action == Action.ENDORSE:
        done = entry.to_status == "endorsed"
        return Notice(
            key,
            f"{title}: {version} endorsed" if done else f"{title}: endorsement of {version}",
            (
                f"The Coordination Committee endorsed {version}. It can now be circulated."
                if done
                else f"{entry.actor_name} endorsed {version}; more endorsements are required."
            )
            + f"{reason}\n\n{review_url}",
            _emails_of_group(ISU_STAFF_GROUP),
        )
    if entry.action == Action.REOPEN and entry.voids_id:
        return Notice(
            key,
            f"{title}: reopened, endorsement of version {entry.voids.number} void",
            f"The ISU reopened the plan as a draft; the endorsement of version "
            f"{entry.voids.number} is void.{reason}\n\n{review_url}",
            _emails_of_group(COMMITTEE_GROUP),
        )
    if entry.action == Action.CIRCULATE:
        meeting = plan.meeting.title if plan.meeting_id else "the Meeting of States Parties"
        return Notice(
            key,
            f"{plan.symbol or title}: circulated to States Parties",
            f"The {title} ({plan.symbol or 'no symbol yet'}), endorsed by the Coordination "
            f"Committee, is circulated to all States Parties ahead of the {meeting}.\n\n"
            f"The document (PDF): {_url(f'/workplans/{plan.year}/document.pdf')}\n"
            f"Read it online: {_url(f'/workplans/{plan.year}/')}",
            _document_contacts(),
        )
    return None


def notice_for_comment(comment: Comment) -> Notice:
    plan = comment.plan
    what = "replied" if comment.parent_id else "commented"
    return Notice(
        f"comment:{comment.pk}",
        f"ISU {plan.year} work plan: new comment on {comment.anchor_label or 'the plan'}",
        f"{comment.author.get_full_name() or comment.author.get_username()} {what} on "
        f"{comment.anchor_label or 'the plan'}:\n\n{comment.body}\n\n"
        + _url(f"/workplans/{plan.year}/review/comments/#comment-{comment.pk}"),
        sorted(
            set(_emails_of_group(ISU_STAFF_GROUP, exclude_user_id=comment.author_id))
            | set(_emails_of_group(COMMITTEE_GROUP, exclude_user_id=comment.author_id))
        ),
    )


def deliver(notice: Notice) -> int:
    """Sends `notice` to each recipient not yet served; returns how many were sent now."""
    sent = 0
    for address in notice.recipients:
        try:
            with transaction.atomic():
                claim = NoticeDelivery.objects.create(
                    event_key=notice.event_key,
                    recipient=address,
                    subject=notice.subject[:300],
                    claimed_at=timezone.now(),
                )
        except IntegrityError:
            continue  # already sent (or being sent) by an earlier run
        try:
            EmailMessage(notice.subject, notice.body, to=[address]).send()
        except Exception:
            claim.delete()  # not sent: let the retry claim it again
            raise
        sent += 1
    return sent
