"""The review of a work plan: frozen versions, the audit trail of its workflow, the Committee's
decisions and comments, and the ledger of e-mail notices (each sent at most once)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from workplan.models import PlanStatus


class ImmutableError(Exception):
    """Raised when code tries to change or delete a frozen version."""


class PlanVersion(models.Model):
    """The plan's whole structured content and budget as submitted: never changed afterwards.

    `content` is the JSON the API gives for the plan (minus its workflow fields) plus section
    VI; `content_hash` is the sha256 of its canonical JSON (sorted keys, no spaces)."""

    plan = models.ForeignKey("workplan.WorkPlan", on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    content_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["plan_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="review_version_unique_number")
        ]

    def __str__(self) -> str:
        return f"Version {self.number}"

    def save(self, *args, **kwargs):
        # A guard, not logic: a frozen version is a record of what was submitted.
        if self.pk is not None and not self._state.adding:
            raise ImmutableError("A submitted version is frozen and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("A submitted version is frozen and cannot be deleted.")


class Action(models.TextChoices):
    SUBMIT = "submit", "Submitted for Committee review"
    REQUEST_CHANGES = "request_changes", "Changes requested"
    REVISE = "revise", "Returned to draft for revision"
    ENDORSE = "endorse", "Endorsed"
    REOPEN = "reopen", "Reopened as a draft"
    CIRCULATE = "circulate", "Circulated to States Parties"
    APPROVE = "approve", "Approved by the Meeting of States Parties"


class Transition(models.Model):
    """One entry of the audit trail: who did what to the plan, when, on which version, why."""

    plan = models.ForeignKey("workplan.WorkPlan", on_delete=models.CASCADE, related_name="+")
    action = models.CharField(max_length=30, choices=Action.choices)
    from_status = models.CharField(max_length=30, choices=PlanStatus.choices)
    to_status = models.CharField(max_length=30, choices=PlanStatus.choices)
    version = models.ForeignKey(
        PlanVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The name at the time (the account may be renamed or removed; the record must not change).
    actor_name = models.CharField(max_length=200)
    at = models.DateTimeField()
    reason = models.TextField(blank=True)
    # Circulation after the deadline: the confirmation is recorded with its reason.
    late = models.BooleanField(default=False)
    # A reopening voids the endorsement of this version (shown on the plan).
    voids = models.ForeignKey(
        PlanVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["plan_id", "at", "id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d})"


class Decision(models.TextChoices):
    ENDORSE = "endorse", "Endorsed"
    REQUEST_CHANGES = "request_changes", "Requested changes"


class ReviewDecision(models.Model):
    """A Committee member's decision on one version (a quorum counts these)."""

    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="decisions")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=20, choices=Decision.choices)
    at = models.DateTimeField()
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "member"], name="review_one_decision_per_member_and_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} ({self.at:%Y-%m-%d})"


class Comment(models.Model):
    """A Committee or ISU comment on a plan, threaded (replies), anchored to one part."""

    plan = models.ForeignKey("workplan.WorkPlan", on_delete=models.CASCADE, related_name="+")
    # The version current when the comment was written (None: written on a draft never submitted).
    version = models.ForeignKey(
        PlanVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(max_length=4000)
    anchor_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    anchor_id = models.PositiveIntegerField(null=True, blank=True)
    anchor = GenericForeignKey("anchor_type", "anchor_id")
    # "Paragraph 7(c)" as it read when the comment was written; numbers move, the label stays.
    anchor_label = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["plan", "created_at"])]

    def __str__(self) -> str:
        return self.body[:60]


class ReviewVisit(models.Model):
    """The version a Committee member last reviewed: the redline shows what changed since."""

    plan = models.ForeignKey("workplan.WorkPlan", on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "member"], name="review_one_visit_per_member")
        ]

    def __str__(self) -> str:
        return f"Reviewed version {self.version_id}"


class NoticeDelivery(models.Model):
    """One notice to one address, claimed before sending: the unique key makes a retried or
    twice-enqueued task skip the addresses already served."""

    event_key = models.CharField(max_length=80)
    recipient = models.EmailField()
    subject = models.CharField(max_length=300)
    claimed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event_key", "recipient"], name="review_notice_once_per_recipient"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_key} to {self.recipient}"
