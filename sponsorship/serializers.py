from rest_framework import serializers

from meetings.models import Participant
from sponsorship.models import ApplicationStatus, ItemKind, RequestedItem, SponsorshipApplication


class RequestedItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = RequestedItem
        fields = ["kind", "quantity", "estimate_chf", "awarded_chf"]
        read_only_fields = ["awarded_chf"]


class ApplicationOutputSerializer(serializers.ModelSerializer):
    meeting = serializers.SlugRelatedField(slug_field="short_name", read_only=True)
    state = serializers.SlugRelatedField(slug_field="iso3", read_only=True)
    applicant = serializers.CharField(source="participant.name", read_only=True)
    gender = serializers.CharField(source="participant.gender", read_only=True)
    items = RequestedItemSerializer(many=True, read_only=True)
    requested_total = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    awarded_total = serializers.DecimalField(
        max_digits=12, decimal_places=2, read_only=True, allow_null=True
    )

    class Meta:
        model = SponsorshipApplication
        fields = [
            "id",
            "meeting",
            "participant",
            "applicant",
            "state",
            "gender",
            "is_survivor",
            "national_role",
            "computed_score",
            "score",
            "status",
            "decision_note",
            "items",
            "requested_total",
            "awarded_total",
            "submitted_at",
        ]


class ItemInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ItemKind.choices)
    quantity = serializers.IntegerField(min_value=1, default=1)
    estimate_chf = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=0)


class ApplicationInputSerializer(serializers.Serializer):
    participant = serializers.PrimaryKeyRelatedField(queryset=Participant.objects.all())
    is_survivor = serializers.BooleanField(default=False)
    national_role = serializers.CharField(max_length=300)
    items = ItemInputSerializer(many=True)


class ScoreInputSerializer(serializers.Serializer):
    new_score = serializers.IntegerField(min_value=-100, max_value=100)
    reason = serializers.CharField()


class DecisionInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[c for c in ApplicationStatus.choices if c[0] != ApplicationStatus.SUBMITTED]
    )
    awards = serializers.DictField(
        child=serializers.DecimalField(max_digits=10, decimal_places=2, min_value=0),
        required=False,
        default=dict,
        help_text="Amount awarded per requested item kind (flight, dsa, nights).",
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")
