from rest_framework import serializers

from contributions.accounting import InvoiceStatus
from contributions.models import CreditNote, Invoice, Payment


class InvoiceOutputSerializer(serializers.ModelSerializer):
    state = serializers.SlugRelatedField(slug_field="iso3", read_only=True)
    state_name = serializers.CharField(source="state.name", read_only=True)
    status = serializers.SerializerMethodField()
    outstanding = serializers.SerializerMethodField()

    class Meta:
        model = Invoice
        fields = [
            "id",
            "number",
            "year",
            "state",
            "state_name",
            "issue_date",
            "due_date",
            "amount",
            "currency",
            "payment_reference",
            "status",
            "outstanding",
        ]

    def _position(self, invoice):
        return self.context["positions"][invoice.pk]

    def get_status(self, invoice) -> InvoiceStatus:
        return self._position(invoice).status(self.context["today"])

    def get_outstanding(self, invoice) -> str:
        return f"{self._position(invoice).outstanding:.2f}"


class CreditNoteOutputSerializer(serializers.ModelSerializer):
    invoice = serializers.SlugRelatedField(slug_field="number", read_only=True)
    state = serializers.CharField(source="invoice.state.iso3", read_only=True)

    class Meta:
        model = CreditNote
        fields = ["id", "number", "invoice", "state", "issue_date", "amount", "reason"]


class PaymentOutputSerializer(serializers.ModelSerializer):
    state = serializers.SlugRelatedField(slug_field="iso3", read_only=True)
    invoice = serializers.SlugRelatedField(slug_field="number", read_only=True)

    class Meta:
        model = Payment
        fields = ["id", "state", "invoice", "received_on", "amount", "reference"]


class StatementLineSerializer(serializers.Serializer):
    day = serializers.DateField()
    kind = serializers.CharField(help_text="invoice, credit_note or payment")
    reference = serializers.CharField()
    description = serializers.CharField()
    debit = serializers.DecimalField(max_digits=14, decimal_places=2)
    credit = serializers.DecimalField(max_digits=14, decimal_places=2)
    balance = serializers.DecimalField(max_digits=14, decimal_places=2)


class AgeingSerializer(serializers.Serializer):
    not_due = serializers.DecimalField(max_digits=14, decimal_places=2)
    days_0_30 = serializers.DecimalField(max_digits=14, decimal_places=2)
    days_31_90 = serializers.DecimalField(max_digits=14, decimal_places=2)
    days_91_365 = serializers.DecimalField(max_digits=14, decimal_places=2)
    over_365 = serializers.DecimalField(max_digits=14, decimal_places=2)


class StatementOutputSerializer(serializers.Serializer):
    state = serializers.CharField()
    as_at = serializers.DateField()
    lines = StatementLineSerializer(many=True)
    outstanding = serializers.DecimalField(max_digits=14, decimal_places=2)
    credit = serializers.DecimalField(max_digits=14, decimal_places=2)
    balance = serializers.DecimalField(max_digits=14, decimal_places=2)
    ageing = AgeingSerializer()
