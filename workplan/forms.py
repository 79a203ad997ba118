from django import forms

from workplan.models import TEXT_MAX_LENGTH


def _numbers(value: str, *, label: str) -> list[int]:
    numbers = []
    for piece in (value or "").replace(";", ",").split(","):
        piece = piece.strip()
        if not piece:
            continue
        if not piece.isdigit():
            raise forms.ValidationError(f"{piece!r} is not a {label} number.")
        numbers.append(int(piece))
    return numbers


class PartForm(forms.Form):
    """The text of a paragraph, lettered item, outcome, output, activity or summary item.

    Length is checked by the service (one rule, one message), so the field accepts more."""

    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        strip=True,
        required=False,
        max_length=TEXT_MAX_LENGTH * 4,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, taggable: bool = False, label: str = "text", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label[:1].upper() + label[1:]
        if taggable:
            self.fields["articles"] = forms.CharField(
                required=False,
                label="Convention articles",
                help_text="Article numbers, separated by commas: 3, 4",
            )
            self.fields["lap_actions"] = forms.CharField(
                required=False,
                label="Lausanne Action Plan actions",
                help_text="Action numbers, separated by commas: 46",
            )

    def clean_articles(self):
        return _numbers(self.cleaned_data.get("articles", ""), label="article")

    def clean_lap_actions(self):
        return _numbers(self.cleaned_data.get("lap_actions", ""), label="action")


class NewPartForm(PartForm):
    position = forms.IntegerField(
        required=False,
        min_value=1,
        help_text="Where it goes among its neighbours (1 is first); empty puts it last.",
    )


class MoveForm(forms.Form):
    position = forms.IntegerField()
    version = forms.IntegerField(required=False)


class CopyPlanForm(forms.Form):
    source_year = forms.IntegerField(label="Copy the plan of")
