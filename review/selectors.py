"""Reads of the review: a plan's review status, versions, redlines, comment threads and each
Committee member's "Awaiting my review" list. Each runs a fixed number of queries.

"What changed since I last reviewed": a member's last review is the version they last acted on
(endorsed or requested changes) or read in full through the redline (ReviewVisit); the redline
offered to them starts there and ends at the current version."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Max, OuterRef, Subquery
from django.utils import timezone

from accounts import access
from budget.models import CostLine
from review import redline, workflow
from review.models import Action, Comment, PlanVersion, ReviewDecision, ReviewVisit, Transition
from review.services import circulation_deadline
from workplan.models import Activity, LetteredItem, Paragraph, PlanStatus, WorkPlan


@dataclass
class ReviewStatus:
    plan: WorkPlan
    current_version: PlanVersion | None
    endorsed_version: PlanVersion | None
    voided: Transition | None
    last_circulation: Transition | None
    deadline: date | None
    days_left: int | None
    actions: list
    open_comments: int
    last_reviewed: PlanVersion | None = None
    entries: list[Transition] = field(default_factory=list)

    @property
    def deadline_passed(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def days_late(self) -> int:
        return -self.days_left if self.days_left is not None else 0

    @property
    def show_countdown(self) -> bool:
        return self.deadline is not None and self.plan.status not in (
            PlanStatus.CIRCULATED,
            PlanStatus.APPROVED,
        )


def review_status(
    *, plan: WorkPlan, user, today: date | None = None, with_last_reviewed: bool = False
) -> ReviewStatus:
    """What the plan page's status box (two queries) and the review page show (with the
    version the member last reviewed: one more)."""
    entries = list(
        Transition.objects.filter(plan=plan)
        .select_related("version", "voids")
        .defer("version__content", "voids__content")
        .order_by("at", "id")
    )
    versions = {e.version.number: e.version for e in entries if e.version_id}
    current = max(versions.values(), key=lambda v: v.number) if versions else None
    endorsed = voided = circulated = None
    for entry in entries:
        if entry.action == Action.ENDORSE and entry.to_status == PlanStatus.ENDORSED:
            endorsed, voided = entry.version, None
        elif entry.action == Action.REOPEN:
            # A reopening voids what was endorsed (and circulated) until a new endorsement.
            endorsed = circulated = None
            voided = entry if entry.voids_id else voided
        elif entry.action == Action.CIRCULATE:
            circulated = entry
    deadline = circulation_deadline(plan)
    today = today or timezone.localdate()
    last_reviewed = None
    if with_last_reviewed and access.is_committee_member(user):
        visit = ReviewVisit.objects.filter(plan=plan, member=user).select_related("version").first()
        last_reviewed = visit.version if visit else None
    return ReviewStatus(
        plan=plan,
        current_version=current,
        endorsed_version=endorsed,
        voided=voided,
        last_circulation=circulated,
        deadline=deadline,
        days_left=(deadline - today).days if deadline else None,
        actions=workflow.actions_for(user, plan),
        open_comments=Comment.objects.filter(
            plan=plan, parent__isnull=True, resolved_at__isnull=True
        ).count(),
        last_reviewed=last_reviewed,
        entries=entries,
    )


def versions_of(*, plan: WorkPlan) -> list[PlanVersion]:
    """The plan's versions, newest first, without their (large) content. One query."""
    return list(
        PlanVersion.objects.filter(plan=plan)
        .defer("content")
        .select_related("created_by")
        .order_by("-number")
    )


def version(*, plan: WorkPlan, number: int) -> PlanVersion:
    return PlanVersion.objects.get(plan=plan, number=number)


@dataclass
class Redline:
    old: PlanVersion
    new: PlanVersion
    diffs: list[redline.PassageDiff]

    @property
    def changes(self) -> list[redline.PassageDiff]:
        return redline.changed_only(self.diffs)


def default_range(*, plan: WorkPlan, user) -> tuple[int, int] | None:
    """(from, to) for the redline a user opens without choosing: for a Committee member, from
    the version they last reviewed to the current one; otherwise the last two versions."""
    last = PlanVersion.objects.filter(plan=plan).aggregate(n=Max("number"))["n"]
    if not last or last < 2:
        return None
    start = last - 1
    if access.is_committee_member(user):
        visit = ReviewVisit.objects.filter(plan=plan, member=user).select_related("version").first()
        if visit and visit.version.number < last:
            start = visit.version.number
    return start, last


def redline_between(*, plan: WorkPlan, old: int, new: int) -> Redline:
    """The passage-by-passage, word-level comparison of versions `old` and `new`. One query."""
    found = {v.number: v for v in PlanVersion.objects.filter(plan=plan, number__in=[old, new])}
    if old not in found or new not in found:
        raise PlanVersion.DoesNotExist
    return Redline(found[old], found[new], redline.compare(found[old].content, found[new].content))


# --- comments ----------------------------------------------------------------------------------


def comment_threads(*, plan: WorkPlan) -> list[Comment]:
    """Root comments, oldest first, each with `.reply_list`. One query."""
    comments = list(
        Comment.objects.filter(plan=plan).select_related("author", "resolved_by", "version")
    )
    replies = defaultdict(list)
    roots = []
    for comment in comments:
        if comment.parent_id:
            replies[comment.parent_id].append(comment)
        else:
            roots.append(comment)
    for root in roots:
        root.reply_list = replies[root.pk]
    return roots


# Anchors a comment may point at, as "<kind>:<id>" in forms and the API.
ANCHOR_MODELS = {
    "paragraph": Paragraph,
    "item": LetteredItem,
    "activity": Activity,
    "costline": CostLine,
}


def anchor_choices(*, plan: WorkPlan) -> list[tuple[str, str]]:
    """Every part a comment may be anchored to, labelled as the document numbers it."""
    from budget.selectors import budget_section
    from workplan.selectors import plan_document

    document = plan_document(plan=plan)
    choices = [("", "The plan as a whole")]
    for paragraph in document.paragraphs:
        choices.append((f"paragraph:{paragraph.pk}", f"Paragraph {paragraph.number}"))
        for item in paragraph.item_list:
            choices.append((f"item:{item.pk}", f"Paragraph {paragraph.number}({item.letter})"))
    for outcome in document.outcomes:
        for output in outcome.output_list:
            for activity in output.activity_list:
                choices.append((f"activity:{activity.pk}", f"Activity {activity.number}"))
    for line in budget_section(plan=plan)["lines"]:
        choices.append((f"costline:{line.pk}", f"Budget line: {line.get_category_display()}"))
    return choices


def anchor_resolve(*, plan: WorkPlan, value: str):
    """(object, label) for an anchor value of `anchor_choices`, or (None, label) for the plan;
    LookupError if it is not a part of this plan."""
    if not value:
        return None, "The plan as a whole"
    labels = dict(anchor_choices(plan=plan))
    if value not in labels:
        raise LookupError(value)
    kind, pk = value.split(":", 1)
    return ANCHOR_MODELS[kind].objects.get(pk=int(pk)), labels[value]


def anchor_value(comment: Comment, content_types: dict[int, str]) -> str:
    if not comment.anchor_type_id:
        return ""
    return f"{content_types.get(comment.anchor_type_id, '')}:{comment.anchor_id}"


def anchor_kinds() -> dict[int, str]:
    types = ContentType.objects.get_for_models(*ANCHOR_MODELS.values())
    by_model = {model: kind for kind, model in ANCHOR_MODELS.items()}
    return {ct.pk: by_model[model] for model, ct in types.items()}


# --- awaiting my review ----------------------------------------------------------------------


def awaiting_review(*, user) -> list[dict]:
    """Plans under review whose current version this Committee member has not yet endorsed or
    requested changes on, oldest submission first. Two queries."""
    if not access.is_committee_member(user):
        return []
    latest = PlanVersion.objects.filter(plan=OuterRef("plan")).order_by("-number").values("pk")[:1]
    versions = (
        PlanVersion.objects.filter(plan__status=PlanStatus.UNDER_REVIEW)
        .filter(pk=Subquery(latest))
        .defer("content")
        .select_related("plan__meeting")
        .annotate(
            decided=Exists(ReviewDecision.objects.filter(version=OuterRef("pk"), member=user))
        )
        .filter(decided=False)
        .order_by("created_at")
    )
    return [
        {"plan": v.plan, "version": v, "deadline": circulation_deadline(v.plan)} for v in versions
    ]


def decisions_on(*, version: PlanVersion) -> list[ReviewDecision]:
    return list(
        ReviewDecision.objects.filter(version=version).select_related("member").order_by("at")
    )
