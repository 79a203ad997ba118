"""Import and export of the paragraphs and the results table: all or nothing, rows named."""

import pytest
import tablib
from django.urls import reverse

from workplan.models import Activity, Outcome, Output, Paragraph
from workplan.resources import (
    ActivityResource,
    OutcomeResource,
    OutputResource,
    ParagraphResource,
)
from workplan.selectors import plan_counts

pytestmark = pytest.mark.django_db


def _state(plan):
    return (
        plan_counts(plan=plan),
        list(Activity.objects.order_by("id").values_list("id", "text", "position", "version")),
        list(Paragraph.objects.order_by("id").values_list("id", "text", "position", "version")),
    )


def test_export_paragraphs_and_results(plan_2025):
    paragraphs = ParagraphResource().export()
    assert len(paragraphs) == 19
    assert paragraphs.headers == [
        "id",
        "plan",
        "section",
        "subsection",
        "position",
        "text",
        "version",
    ]
    assert str(paragraphs.dict[0]["plan"]) == "2025"
    activities = ActivityResource().export()
    assert len(activities) == 39
    target = next(r for r in activities.dict if r["text"].startswith("Target participation"))
    assert target["articles"] == "3,4"
    assert len(OutcomeResource().export()) == 6
    assert len(OutputResource().export()) == 12
    assert ActivityResource().export().export("xlsx")[:2] == b"PK"  # an XLSX (zip) file


def test_round_trip_updates_and_records(plan_2025, isu_user):
    data = ActivityResource().export()
    rows = data.dict
    rows[0]["text"] = "Imported text."
    dataset = tablib.Dataset(headers=data.headers)
    for row in rows:
        dataset.append([row[h] for h in data.headers])
    result = ActivityResource().import_data(dataset, dry_run=False, user=isu_user)
    assert not result.has_errors() and not result.has_validation_errors()
    activity = Activity.objects.get(pk=rows[0]["id"])
    assert (activity.text, activity.version) == ("Imported text.", 2)
    assert activity.history.first().history_user == isu_user
    assert plan_counts(plan=plan_2025)["activities"] == 39


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"text": ""}, "text"),
        ({"text": "x" * 4001}, "longer than"),
        ({"version": 7}, "changed since it was exported"),
        ({"articles": "3, 99"}, "unknown"),
    ],
)
def test_one_bad_row_imports_nothing_and_is_named(plan_2025, isu_user, change, message):
    data = ActivityResource().export()
    rows = data.dict
    rows[0]["text"] = "This good row must not be saved either."
    rows[5].update(change)
    rows.append({**rows[1], "id": "", "text": "A new row that must not be created."})
    dataset = tablib.Dataset(headers=data.headers)
    for row in rows:
        dataset.append([row[h] for h in data.headers])
    before = _state(plan_2025)
    result = ActivityResource().import_data(dataset, dry_run=False, user=isu_user)
    assert result.has_errors() or result.has_validation_errors()
    bad_rows = [row.number for row in result.invalid_rows] + [n for n, _ in result.row_errors()]
    assert bad_rows == [6]
    errors = str([row.error for row in result.invalid_rows]) + str(result.row_errors())
    assert message in errors
    assert _state(plan_2025) == before


def test_paragraph_csv_import_with_bad_row(plan_2025, isu_user):
    data = ParagraphResource().export()
    rows = data.dict
    rows[2]["text"] = "   "
    rows[3]["text"] = "Changed paragraph."
    csv_text = tablib.Dataset(
        *[[r[h] for h in data.headers] for r in rows], headers=data.headers
    ).export("csv")
    dataset = tablib.Dataset().load(csv_text, format="csv")
    before = _state(plan_2025)
    result = ParagraphResource().import_data(dataset, dry_run=False, user=isu_user)
    assert [row.number for row in result.invalid_rows] == [3]
    assert _state(plan_2025) == before


def test_admin_import_page_names_the_row(client_for, superuser, plan_2025):
    data = OutcomeResource().export()
    rows = data.dict
    rows[1]["text"] = ""
    csv_text = tablib.Dataset(
        *[[r[h] for h in data.headers] for r in rows], headers=data.headers
    ).export("csv")
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(superuser)
    url = reverse("admin:workplan_outcome_import")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "import_file": SimpleUploadedFile("outcomes.csv", csv_text.encode()),
            "format": "0",
            "resource": "0",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Some rows failed to validate" in html
    assert "<td>2 </td>" in html
    assert "The text is required." in html
    assert list(Outcome.objects.order_by("id").values_list("text", flat=True))[1] != ""


def test_xlsx_import_with_bad_row_imports_nothing(plan_2025, isu_user):
    data = OutputResource().export()
    rows = data.dict
    rows[0]["text"] = "Changed output."
    rows[3]["outcome"] = 999999
    changed = tablib.Dataset(*[[r[h] for h in data.headers] for r in rows], headers=data.headers)
    dataset = tablib.Dataset().load(changed.export("xlsx"), format="xlsx")
    before = _state(plan_2025)
    result = OutputResource().import_data(dataset, dry_run=False, user=isu_user)
    assert result.has_errors() or result.has_validation_errors()
    assert [row.number for row in result.invalid_rows] + [n for n, _ in result.row_errors()] == [4]
    assert _state(plan_2025) == before
    assert "Changed output." not in str(list(Output.objects.values_list("text", flat=True)))


def test_xlsx_round_trip(plan_2025, isu_user):
    data = OutcomeResource().export()
    rows = data.dict
    rows[2]["text"] = "Outcome edited in a spreadsheet."
    changed = tablib.Dataset(*[[r[h] for h in data.headers] for r in rows], headers=data.headers)
    dataset = tablib.Dataset().load(changed.export("xlsx"), format="xlsx")
    result = OutcomeResource().import_data(dataset, dry_run=False, user=isu_user)
    assert not (result.has_errors() or result.has_validation_errors())
    outcome = Outcome.objects.get(pk=rows[2]["id"])
    assert (outcome.text, outcome.version) == ("Outcome edited in a spreadsheet.", 2)
    assert Outcome.objects.exclude(version=1).count() == 1  # unchanged rows were skipped
