from rest_framework import serializers

from meetings.models import (
    Distribution,
    DocumentKind,
    Gender,
    Language,
    Meeting,
    MeetingDocument,
    MeetingFormat,
    MeetingKind,
    Participant,
    ParticipantStatus,
)
from parties.models import State


class AgendaItemOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="item.pk")
    number = serializers.CharField()
    title = serializers.CharField(source="item.title")
    parent = serializers.IntegerField(source="item.parent_id", allow_null=True)


class MeetingOutputSerializer(serializers.ModelSerializer):
    presidency = serializers.SlugRelatedField(slug_field="iso3", read_only=True, allow_null=True)
    dates = serializers.CharField(source="dates_display", read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "short_name",
            "kind",
            "number",
            "title",
            "city",
            "venue",
            "format",
            "start_date",
            "end_date",
            "dates",
            "presidency",
            "presiding_officer",
            "is_public",
            "symbol_series",
            "description",
        ]


class MeetingDetailOutputSerializer(MeetingOutputSerializer):
    agenda = AgendaItemOutputSerializer(many=True, read_only=True)

    class Meta(MeetingOutputSerializer.Meta):
        fields = [*MeetingOutputSerializer.Meta.fields, "agenda"]


class MeetingInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=MeetingKind.choices)
    number = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    title = serializers.CharField(max_length=200)
    short_name = serializers.CharField(max_length=40)
    city = serializers.CharField(max_length=100, required=False, allow_blank=True)
    venue = serializers.CharField(max_length=200, required=False, allow_blank=True)
    format = serializers.ChoiceField(choices=MeetingFormat.choices, required=False)
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    presidency = serializers.SlugRelatedField(
        slug_field="iso3", queryset=State.objects.all(), required=False, allow_null=True
    )
    presiding_officer = serializers.CharField(max_length=200, required=False, allow_blank=True)
    is_public = serializers.BooleanField(required=False, default=True)
    symbol_series = serializers.CharField(max_length=60, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)


class MeetingDocumentOutputSerializer(serializers.ModelSerializer):
    meeting = serializers.SlugRelatedField(slug_field="short_name", read_only=True)
    parent = serializers.SlugRelatedField(slug_field="symbol", read_only=True, allow_null=True)
    languages = serializers.ListField(child=serializers.CharField())
    url = serializers.SerializerMethodField()

    class Meta:
        model = MeetingDocument
        fields = [
            "id",
            "meeting",
            "symbol",
            "kind",
            "parent",
            "title",
            "document_date",
            "languages",
            "original_language",
            "distribution",
            "is_public",
            "agenda_item",
            "file_type",
            "file_size",
            "url",
        ]

    def get_url(self, document: MeetingDocument) -> str | None:
        return self.context["url_for"](document)


class MeetingDocumentInputSerializer(serializers.Serializer):
    meeting = serializers.SlugRelatedField(slug_field="short_name", queryset=Meeting.objects.all())
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    parent = serializers.SlugRelatedField(
        slug_field="symbol",
        queryset=MeetingDocument.objects.all(),
        required=False,
        allow_null=True,
    )
    title = serializers.CharField(max_length=500)
    document_date = serializers.DateField()
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=Language.choices), allow_empty=False
    )
    original_language = serializers.ChoiceField(choices=Language.choices, default="en")
    distribution = serializers.ChoiceField(choices=Distribution.choices, default="general")
    is_public = serializers.BooleanField(default=True)
    file = serializers.FileField(required=False, allow_null=True)
    generated_url_name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    generated_url_args = serializers.ListField(
        child=serializers.CharField(), required=False, default=list
    )


class ParticipantOutputSerializer(serializers.ModelSerializer):
    meeting = serializers.SlugRelatedField(slug_field="short_name", read_only=True)
    state = serializers.SlugRelatedField(slug_field="iso3", read_only=True)

    class Meta:
        model = Participant
        fields = [
            "id",
            "meeting",
            "state",
            "organisation",
            "name",
            "function",
            "gender",
            "email",
            "phone",
            "consent_public",
            "status",
            "registered_at",
        ]


class ParticipantInputSerializer(serializers.Serializer):
    meeting = serializers.SlugRelatedField(slug_field="short_name", queryset=Meeting.objects.all())
    state = serializers.SlugRelatedField(
        slug_field="iso3", queryset=State.objects.all(), required=False, allow_null=True
    )
    organisation = serializers.CharField(max_length=200, required=False, allow_blank=True)
    name = serializers.CharField(max_length=200)
    function = serializers.CharField(max_length=200, required=False, allow_blank=True)
    gender = serializers.ChoiceField(choices=Gender.choices)
    email = serializers.EmailField()
    phone = serializers.CharField(max_length=50, required=False, allow_blank=True)
    consent_public = serializers.BooleanField(required=False, default=False)


class ParticipantDecisionInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[c for c in ParticipantStatus.choices if c[0] != ParticipantStatus.PENDING]
    )
