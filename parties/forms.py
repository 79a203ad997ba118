from django import forms

from parties.models import Contact, ParticipationStatus, Region


class StateFilterForm(forms.Form):
    status = forms.ChoiceField(
        required=False,
        choices=[("", "Any status"), *ParticipationStatus.choices[:3]],
    )
    region = forms.ChoiceField(required=False, choices=[("", "Any region"), *Region.choices])
    q = forms.CharField(required=False, label="Name contains", max_length=100)


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = [
            "kind",
            "name",
            "function",
            "email",
            "phone",
            "address",
            "receives_invoices",
            "receives_documents",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
