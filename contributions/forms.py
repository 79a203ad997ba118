from django import forms

from contributions.models import AssessmentMethod, Invoice
from parties.models import State


class BasisForm(forms.Form):
    method = forms.ChoiceField(label="Method", choices=AssessmentMethod.choices)
    floor = forms.DecimalField(
        label="Minimum contribution (CHF)",
        required=False,
        min_value=0,
        decimal_places=0,
        help_text="Optional. Also what a State with no UN rate pays.",
    )
    ceiling_percent = forms.DecimalField(
        label="Maximum share (%)",
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=3,
        help_text="Optional. No State pays more than this share of the budget.",
    )


class SetRateForm(forms.Form):
    state = forms.ModelChoiceField(label="State with no UN rate", queryset=State.objects.none())
    rate_percent = forms.DecimalField(
        label="Rate set by the ISU (%)",
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=3,
        help_text="Leave empty to remove the rate.",
    )

    def __init__(self, *args, states=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = State.objects.filter(pk__in=[s.pk for s in states])


class PledgeForm(forms.Form):
    state = forms.ModelChoiceField(label="State", queryset=State.objects.none())
    amount = forms.DecimalField(label="Pledge (CHF)", min_value=1, decimal_places=0)

    def __init__(self, *args, states=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = State.objects.filter(pk__in=[s.pk for s in states])


class IssueForm(forms.Form):
    send = forms.BooleanField(
        label="E-mail each invoice to the State's contacts", required=False, initial=True
    )


class CreditNoteForm(forms.Form):
    amount = forms.DecimalField(label="Amount to credit (CHF)", min_value=0, decimal_places=2)
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}))


class PaymentForm(forms.Form):
    invoice = forms.ModelChoiceField(
        label="Invoice",
        queryset=Invoice.objects.select_related("state").order_by("-year", "state__name"),
        required=False,
        help_text="Leave empty for a payment on account (kept as a credit).",
    )
    state = forms.ModelChoiceField(
        label="State",
        queryset=State.objects.filter(consent_date__isnull=False),
        required=False,
        help_text="Needed only when no invoice is chosen.",
    )
    amount = forms.DecimalField(label="Amount received (CHF)", min_value=0, decimal_places=2)
    received_on = forms.DateField(
        label="Received on", widget=forms.DateInput(attrs={"type": "date"})
    )
    reference = forms.CharField(label="Bank reference", required=False, max_length=140)
    note = forms.CharField(label="Note", required=False, max_length=300)

    def clean(self):
        data = super().clean()
        if not data.get("invoice") and not data.get("state"):
            raise forms.ValidationError("Choose the invoice paid, or the State that paid.")
        return data


class BankImportForm(forms.Form):
    statement = forms.FileField(
        label="Bank statement (CSV or XLSX)",
        help_text="Columns: date, amount, reference and, optionally, transaction id.",
    )
