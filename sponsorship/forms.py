from django import forms

from meetings.models import Participant
from parties.models import State
from sponsorship.models import ApplicationStatus, Article

MONEY = {"max_digits": 10, "decimal_places": 2, "min_value": 0, "required": False}


class ApplicationForm(forms.Form):
    participant = forms.ModelChoiceField(
        queryset=Participant.objects.none(),
        label="Applicant",
        help_text="A delegate registered for the meeting.",
    )
    is_survivor = forms.BooleanField(required=False, label="Cluster munition survivor")
    national_role = forms.CharField(max_length=300, label="Role in national implementation")
    flight_estimate = forms.DecimalField(label="Flight: estimated CHF", **MONEY)
    dsa_days = forms.IntegerField(min_value=1, required=False, label="Daily allowance: days")
    dsa_estimate = forms.DecimalField(label="Daily allowance: estimated CHF", **MONEY)
    nights = forms.IntegerField(min_value=1, required=False, label="Accommodation: nights")
    nights_estimate = forms.DecimalField(label="Accommodation: estimated CHF", **MONEY)

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = participants

    def clean(self):
        data = super().clean()
        pairs = [("dsa_days", "dsa_estimate"), ("nights", "nights_estimate")]
        for quantity, estimate in pairs:
            if (data.get(quantity) is None) != (data.get(estimate) is None):
                self.add_error(estimate, "Give both the number and the estimated amount.")
        return data

    def items(self) -> list[tuple[str, int, object]]:
        data = self.cleaned_data
        items = []
        if data.get("flight_estimate") is not None:
            items.append(("flight", 1, data["flight_estimate"]))
        if data.get("dsa_estimate") is not None:
            items.append(("dsa", data["dsa_days"], data["dsa_estimate"]))
        if data.get("nights_estimate") is not None:
            items.append(("nights", data["nights"], data["nights_estimate"]))
        return items


class ScoreAdjustForm(forms.Form):
    new_score = forms.IntegerField(min_value=-100, max_value=100, label="New score")
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        choices=[c for c in ApplicationStatus.choices if c[0] != ApplicationStatus.SUBMITTED],
        label="Decision",
    )
    award_flight = forms.DecimalField(label="Flight awarded (CHF)", **MONEY)
    award_dsa = forms.DecimalField(label="Daily allowance awarded (CHF)", **MONEY)
    award_nights = forms.DecimalField(label="Accommodation awarded (CHF)", **MONEY)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def awards(self) -> dict:
        data = self.cleaned_data
        return {
            kind: data[f"award_{kind}"]
            for kind in ("flight", "dsa", "nights")
            if data.get(f"award_{kind}") is not None
        }


class BudgetForm(forms.Form):
    amount = forms.DecimalField(max_digits=12, decimal_places=2, min_value=0, label="CHF")


class DeadlineForm(forms.Form):
    state = forms.ModelChoiceField(queryset=State.objects.all())
    article = forms.TypedChoiceField(choices=Article.choices, coerce=int)
    deadline = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(max_length=300, required=False)
