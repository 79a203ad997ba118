"""Import of cost lines through django-import-export: all or nothing, bad rows named."""

from decimal import Decimal

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV

from budget.models import CostLine
from budget.resources import CostLineResource, cost_lines_import
from budget.selectors import budget_total
from isu_portal.errors import DomainError
from tests.factories import WorkPlanFactory
from workplan.models import PlanStatus

pytestmark = pytest.mark.django_db
D = Decimal
HEADERS = ["year", "cost", "amount in CHF", "notes"]


def dataset(*rows):
    return tablib.Dataset(*rows, headers=HEADERS)


def lines():
    return list(
        CostLine.objects.order_by("pk").values_list("plan__year", "category", "amount", "note")
    )


def test_import_updates_and_creates_lines_through_the_services(isu_user):
    plan = WorkPlanFactory(year=2026)
    cost_lines_import(
        dataset=dataset(
            [2026, "Salaries", "364'282", "Three positions"],
            [2026, "Travel", "27000", "Staff travel"],
            [2026, "other", "13000.50", ""],
        ),
        user=isu_user,
    )
    assert budget_total(plan=plan) == D("404283")
    cost_lines_import(dataset=dataset([2026, "Travel", "30000", "More travel"]), user=isu_user)
    travel = CostLine.objects.get(plan=plan, category="travel")
    assert (travel.amount, travel.note, travel.version) == (D("30000.00"), "More travel", 2)
    assert travel.history.count() == 2


def test_one_bad_row_imports_nothing_and_is_named(isu_user, plan_2025):
    before = lines()
    with pytest.raises(DomainError) as error:
        cost_lines_import(
            dataset=dataset(
                [2025, "Travel", "30000", "ok"],
                [2025, "Communication", "lots", "bad amount"],
                [2025, "Rent", "10", "bad category"],
                [1999, "Travel", "10", "no plan"],
            ),
            user=isu_user,
        )
    messages = error.value.messages
    assert messages[0] == "Nothing was imported."
    text = " | ".join(messages)
    assert "Row 2: amount in CHF: 'lots' is not an amount" in text
    assert "Row 3: " in text and "'Rent' is not a cost category" in text
    assert "Row 4: " in text and "no work plan for the year" in text
    assert "Row 1" not in text
    assert lines() == before


def test_a_derived_line_cannot_be_typed_by_import(isu_user, plan_2025):
    before = lines()
    with pytest.raises(DomainError, match="Row 1: Social charges are computed"):
        cost_lines_import(dataset=dataset([2025, "Social charges", "1", ""]), user=isu_user)
    assert lines() == before


def test_an_export_reimports_without_change(isu_user, plan_2025):
    exported = CostLineResource().export()
    assert exported.headers == HEADERS
    assert exported.dict[1]["cost"] == "Social charges"
    before = lines()
    cost_lines_import(dataset=exported, user=isu_user)
    assert lines() == before


def test_the_importer_needs_the_edit_right(committee_user, isu_user, plan_2025):
    before = lines()
    with pytest.raises(DomainError, match="may not change the 2025 budget"):
        cost_lines_import(dataset=dataset([2025, "Travel", "1", ""]), user=committee_user)
    plan_2025.status = PlanStatus.APPROVED
    plan_2025.save()
    with pytest.raises(DomainError, match="may not change the 2025 budget"):
        cost_lines_import(dataset=dataset([2025, "Travel", "1", ""]), user=isu_user)
    assert lines() == before


def test_admin_import_with_a_bad_row_keeps_nothing(client_for, superuser, plan_2025):
    client = client_for(superuser)
    content = "year,cost,amount in CHF,notes\n2025,Travel,30000,ok\n2025,Travel,-5,bad\n"
    formats = [f().get_title() for f in ImportMixin().get_import_formats()]
    response = client.post(
        reverse("admin:budget_costline_import"),
        {
            "resource": 0,
            "format": formats.index(CSV().get_title()),
            "import_file": SimpleUploadedFile("lines.csv", content.encode(), "text/csv"),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Some rows failed to validate" in html
    assert "Row 2: amount in CHF: an amount cannot be negative." in html
    assert "Confirm import" not in html
    assert CostLine.objects.get(plan=plan_2025, category="travel").amount == D("27000.00")
