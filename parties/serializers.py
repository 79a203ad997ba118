from rest_framework import serializers

from parties.models import ConsentType, Contact, ContactKind, Region, State


class StateOutputSerializer(serializers.ModelSerializer):
    entry_into_force = serializers.DateField(read_only=True, allow_null=True)
    initial_report_due = serializers.DateField(read_only=True, allow_null=True)
    status = serializers.SerializerMethodField()

    class Meta:
        model = State
        fields = [
            "iso3",
            "name",
            "region",
            "signature_date",
            "consent_date",
            "consent_type",
            "withdrawal_notified_date",
            "withdrawal_effective_date",
            "entry_into_force",
            "initial_report_due",
            "status",
        ]

    def get_status(self, state: State) -> str:
        return state.status_on(self.context["today"])


class StateInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    iso3 = serializers.CharField(min_length=3, max_length=3)
    region = serializers.ChoiceField(choices=Region.choices)
    signature_date = serializers.DateField(required=False, allow_null=True)
    consent_date = serializers.DateField(required=False, allow_null=True)
    consent_type = serializers.ChoiceField(
        choices=ConsentType.choices, required=False, allow_blank=True
    )
    withdrawal_notified_date = serializers.DateField(required=False, allow_null=True)
    withdrawal_effective_date = serializers.DateField(required=False, allow_null=True)


class ContactOutputSerializer(serializers.ModelSerializer):
    state = serializers.SlugRelatedField(slug_field="iso3", read_only=True)

    class Meta:
        model = Contact
        fields = [
            "id",
            "state",
            "kind",
            "name",
            "function",
            "email",
            "phone",
            "address",
            "receives_invoices",
            "receives_documents",
        ]


class ContactInputSerializer(serializers.Serializer):
    state = serializers.SlugRelatedField(slug_field="iso3", queryset=State.objects.all())
    kind = serializers.ChoiceField(choices=ContactKind.choices)
    name = serializers.CharField(max_length=200)
    function = serializers.CharField(max_length=200, required=False, allow_blank=True)
    email = serializers.EmailField()
    phone = serializers.CharField(max_length=50, required=False, allow_blank=True)
    address = serializers.CharField(required=False, allow_blank=True)
    receives_invoices = serializers.BooleanField(required=False, default=True)
    receives_documents = serializers.BooleanField(required=False, default=True)
