"""Badge lists of participants, as CSV and XLSX (django-import-export resources)."""

from import_export import fields, resources

from meetings.models import Participant


class BadgeResource(resources.ModelResource):
    delegation = fields.Field(attribute="delegation", column_name="Delegation")
    name = fields.Field(attribute="name", column_name="Name")
    function = fields.Field(attribute="function", column_name="Function")
    gender = fields.Field(attribute="get_gender_display", column_name="Gender")
    email = fields.Field(attribute="email", column_name="E-mail")
    meeting = fields.Field(attribute="meeting__short_name", column_name="Meeting")

    class Meta:
        model = Participant
        fields = ("delegation", "name", "function", "gender", "email", "meeting")
        export_order = fields


def _dataset(participants):
    return BadgeResource().export(queryset=participants.select_related("state", "meeting"))


def participants_csv(participants) -> str:
    return _dataset(participants).csv


def participants_xlsx(participants, *, title: str) -> bytes:
    dataset = _dataset(participants)
    dataset.title = title[:31]
    return dataset.xlsx
