"""Plain input and output serializers of the review API (services decide; these shape data)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from review.models import Action
from review.services import COMMENT_MAX_LENGTH, REASON_MAX_LENGTH
from workplan.models import PlanStatus


class VersionOut(serializers.Serializer):
    number = serializers.IntegerField()
    content_hash = serializers.CharField(help_text="sha256 of the content's canonical JSON.")
    created_at = serializers.DateTimeField()
    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)


class VersionDetailOut(VersionOut):
    content = serializers.JSONField(help_text="The plan and its budget as submitted.")


class TransitionOut(serializers.Serializer):
    id = serializers.IntegerField()
    action = serializers.ChoiceField(choices=Action.choices)
    from_status = serializers.ChoiceField(choices=PlanStatus.choices)
    to_status = serializers.ChoiceField(choices=PlanStatus.choices)
    version = serializers.IntegerField(source="version.number", default=None, allow_null=True)
    actor = serializers.CharField(source="actor_name")
    at = serializers.DateTimeField()
    reason = serializers.CharField()
    late = serializers.BooleanField()
    voids_version = serializers.IntegerField(source="voids.number", default=None, allow_null=True)


class ReviewStatusOut(serializers.Serializer):
    year = serializers.IntegerField(source="plan.year")
    status = serializers.ChoiceField(source="plan.status", choices=PlanStatus.choices)
    current_version = serializers.IntegerField(
        source="current_version.number", default=None, allow_null=True
    )
    endorsed_version = serializers.IntegerField(
        source="endorsed_version.number", default=None, allow_null=True
    )
    circulation_deadline = serializers.DateField(source="deadline", allow_null=True)
    days_left = serializers.IntegerField(allow_null=True)
    open_comments = serializers.IntegerField()
    actions = serializers.SerializerMethodField()
    transitions = TransitionOut(many=True, source="entries")

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(Action.choices)))
    def get_actions(self, review) -> list[str]:
        return [rule.action.value for rule in review.actions]


class TransitionIn(serializers.Serializer):
    version_number = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=1,
        help_text="For endorse: the version read; refused if a newer one is under review.",
    )
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=REASON_MAX_LENGTH
    )
    confirm_late = serializers.BooleanField(
        required=False, default=False, help_text="Circulating after the deadline needs it."
    )


class SegmentOut(serializers.Serializer):
    op = serializers.ChoiceField(choices=["equal", "insert", "delete"])
    text = serializers.CharField()


class PassageDiffOut(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    change = serializers.ChoiceField(choices=["unchanged", "changed", "added", "removed"])
    segments = SegmentOut(many=True)


class RedlineOut(serializers.Serializer):
    old = serializers.IntegerField(source="old.number")
    new = serializers.IntegerField(source="new.number")
    changes = PassageDiffOut(many=True)


class RedlineQuery(serializers.Serializer):
    old = serializers.IntegerField(min_value=1)
    new = serializers.IntegerField(min_value=1)


class CommentOut(serializers.Serializer):
    id = serializers.IntegerField()
    parent = serializers.IntegerField(source="parent_id", allow_null=True)
    author = serializers.CharField(source="author.username")
    body = serializers.CharField()
    anchor = serializers.CharField(
        source="anchor_ref", help_text='"paragraph:12", "item:3", ... or "" (whole plan).'
    )
    anchor_label = serializers.CharField()
    version = serializers.IntegerField(source="version.number", default=None, allow_null=True)
    created_at = serializers.DateTimeField()
    resolved_at = serializers.DateTimeField(allow_null=True)


class CommentIn(serializers.Serializer):
    body = serializers.CharField(max_length=COMMENT_MAX_LENGTH)
    anchor = serializers.CharField(required=False, allow_blank=True, default="")
    parent = serializers.IntegerField(required=False, allow_null=True, default=None)


class AwaitingOut(serializers.Serializer):
    year = serializers.IntegerField(source="plan.year")
    title = serializers.CharField(source="plan.title")
    version = serializers.IntegerField(source="version.number")
    submitted_at = serializers.DateTimeField(source="version.created_at")
    circulation_deadline = serializers.DateField(source="deadline", allow_null=True)
