from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance

from meetings.models import (
    AgendaItem,
    Decision,
    Distribution,
    DocumentKind,
    Gender,
    Language,
    Meeting,
    MeetingDocument,
)
from parties.models import State

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "kind",
            "number",
            "title",
            "short_name",
            "start_date",
            "end_date",
            "city",
            "venue",
            "format",
            "presidency",
            "presiding_officer",
            "is_public",
            "symbol_series",
            "description",
        ]
        widgets = {
            "start_date": DATE_INPUT,
            "end_date": DATE_INPUT,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def _post_clean(self):
        # Field checks only: the service checks the short name and the dates and says what is
        # wrong in the domain's words (model constraints would stop the form first).
        try:
            self.instance = construct_instance(
                self, self.instance, self._meta.fields, self._meta.exclude
            )
            self.instance.clean_fields(exclude=self._get_validation_exclusions())
        except ValidationError as error:
            self._update_errors(error)


class AgendaItemForm(forms.Form):
    title = forms.CharField(max_length=500)
    parent = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label="— a main item —",
        label="Sub-item of",
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = AgendaItem.objects.filter(
            meeting=meeting, parent__isnull=True
        ).order_by("position")


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(choices=DocumentKind.choices)
    parent = forms.ModelChoiceField(
        queryset=MeetingDocument.objects.none(),
        required=False,
        label="Revises, adds to or corrects",
        help_text="Only for revisions, addenda, corrigenda and amendments.",
    )
    title = forms.CharField(max_length=500)
    document_date = forms.DateField(widget=DATE_INPUT)
    languages = forms.MultipleChoiceField(
        choices=Language.choices, widget=forms.CheckboxSelectMultiple, initial=["en"]
    )
    original_language = forms.ChoiceField(choices=Language.choices, initial="en")
    distribution = forms.ChoiceField(choices=Distribution.choices)
    is_public = forms.BooleanField(required=False, initial=True, label="Public")
    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), required=False)
    file = forms.FileField(required=False, help_text="PDF, DOCX or XLSX.")
    generated_url_name = forms.CharField(
        required=False,
        max_length=120,
        label="Or: a document the portal generates (URL name)",
        help_text="For example workplan:pdf, with its arguments below.",
    )
    generated_url_args = forms.CharField(
        required=False, max_length=200, label="Arguments", help_text="Comma-separated."
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = MeetingDocument.objects.filter(meeting=meeting)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting)

    def clean_generated_url_args(self):
        raw = self.cleaned_data["generated_url_args"]
        return [part.strip() for part in raw.split(",") if part.strip()]


class DocumentEditForm(forms.Form):
    title = forms.CharField(max_length=500)
    document_date = forms.DateField(widget=DATE_INPUT)
    languages = forms.MultipleChoiceField(
        choices=Language.choices, widget=forms.CheckboxSelectMultiple
    )
    original_language = forms.ChoiceField(choices=Language.choices)
    distribution = forms.ChoiceField(choices=Distribution.choices)
    is_public = forms.BooleanField(required=False, label="Public")
    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), required=False)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting)


class SummaryRecordForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}))
    adopted_on = forms.DateField(required=False, widget=DATE_INPUT)


class DecisionForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Decision")
    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), required=False)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting)


class FollowUpForm(forms.Form):
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.CharField(max_length=200)
    due_date = forms.DateField(widget=DATE_INPUT)
    decision = forms.ModelChoiceField(queryset=Decision.objects.none(), required=False)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = Decision.objects.filter(meeting=meeting)


class ParticipantForm(forms.Form):
    """Delegates choose only their own State; ISU staff any State or an organisation."""

    state = forms.ModelChoiceField(queryset=State.objects.all(), required=False)
    organisation = forms.CharField(max_length=200, required=False)
    name = forms.CharField(max_length=200)
    function = forms.CharField(max_length=200, required=False)
    gender = forms.ChoiceField(choices=Gender.choices)
    email = forms.EmailField()
    phone = forms.CharField(max_length=50, required=False)
    consent_public = forms.BooleanField(
        required=False, label="I agree that my name appears on the public list of participants"
    )

    def __init__(
        self, *args, state_choices=None, allow_organisation=True, fixed_delegation=False, **kwargs
    ):
        super().__init__(*args, **kwargs)
        if fixed_delegation:  # a registration does not move to another delegation
            del self.fields["state"]
        if state_choices is not None:
            self.fields["state"].queryset = state_choices
            self.fields["state"].required = True
            self.fields["state"].empty_label = None
        if not allow_organisation:
            del self.fields["organisation"]
