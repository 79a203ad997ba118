"""Plain forms for the budget page. They only shape input: the services validate the domain
rules (amount format, derived lines, stale versions) and the views show their messages."""

from django import forms

from budget.models import BudgetParameters, CostCategory, NoteKind


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class AmountField(forms.CharField):
    """Kept as text so that the service can read the Swiss way of writing (27'000) and
    explain exactly what is wrong with anything else."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)


class CostLineForm(VersionedForm):
    amount = AmountField(label="Amount in CHF")
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CostLineCreateForm(forms.Form):
    category = forms.ChoiceField(label="Cost", choices=CostCategory.choices)
    amount = AmountField(label="Amount in CHF")
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, available=None, **kwargs):
        super().__init__(*args, **kwargs)
        if available is not None:
            self.fields["category"].choices = [
                (value, label) for value, label in CostCategory.choices if value in available
            ]


class StaffPositionForm(forms.Form):
    title = forms.CharField(label="Position", max_length=200)
    share_of_time = forms.CharField(label="Share of time (%)", max_length=10)
    annual_cost = AmountField(label="Yearly cost in CHF (optional)", required=False)


class StaffPositionEditForm(VersionedForm, StaffPositionForm):
    pass


class ParametersForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    social_charges_rate = forms.CharField(
        label="Social charges rate (% of salaries; empty: typed by hand)",
        max_length=10,
        required=False,
    )
    long_haul_flights = forms.CharField(label="Long-haul flights", max_length=5)
    short_or_medium_haul_flights = forms.CharField(
        label="Short or medium-haul flights", max_length=5
    )
    flight_class = forms.ChoiceField(
        label="Class of travel", choices=BudgetParameters.FlightClass.choices
    )


class InKindForm(VersionedForm):
    item = forms.CharField(label="Item", max_length=200)
    provider = forms.CharField(label="Provided by", max_length=200)
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class InKindCreateForm(forms.Form):
    item = forms.CharField(label="Item", max_length=200)
    provider = forms.CharField(label="Provided by", max_length=200)
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class BudgetNoteForm(VersionedForm):
    text = forms.CharField(label="Text", widget=forms.Textarea(attrs={"rows": 3}))


class BudgetNoteCreateForm(forms.Form):
    kind = forms.ChoiceField(choices=NoteKind.choices, widget=forms.HiddenInput)
    text = forms.CharField(label="Text", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    from_travel_plan = forms.BooleanField(label="Write it from the travel plan", required=False)


class MoveForm(VersionedForm):
    to = forms.IntegerField(label="Place", min_value=1)


class DeleteForm(VersionedForm):
    pass


class EnvelopeForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100)
    amount = AmountField(label="Envelope in CHF (empty: none)", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
