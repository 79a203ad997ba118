from django import forms

from review.services import COMMENT_MAX_LENGTH, REASON_MAX_LENGTH


class TransitionForm(forms.Form):
    reason = forms.CharField(
        required=False, max_length=REASON_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    confirm_late = forms.BooleanField(
        required=False, label="I confirm the circulation after the deadline"
    )


class CommentForm(forms.Form):
    anchor = forms.ChoiceField(label="About", required=False)
    body = forms.CharField(
        label="Comment", max_length=COMMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, anchors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anchor"].choices = list(anchors)


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Reply", max_length=COMMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )


class RangeForm(forms.Form):
    old = forms.IntegerField(label="From version", min_value=1)
    new = forms.IntegerField(label="To version", min_value=1)
