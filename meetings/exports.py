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


# A cell starting with one of these is a formula to a spreadsheet (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _neutralised(value):
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _dataset(participants):
    """The badge rows; text typed at registration never reaches a spreadsheet as a formula."""
    dataset = BadgeResource().export(queryset=participants.select_related("state", "meeting"))
    rows = [tuple(_neutralised(cell) for cell in row) for row in dataset]
    del dataset[:]
    for row in rows:
        dataset.append(row)
    return dataset


def participants_csv(participants) -> str:
    return _dataset(participants).csv


def participants_xlsx(participants, *, title: str) -> bytes:
    dataset = _dataset(participants)
    dataset.title = title[:31]
    return dataset.xlsx
