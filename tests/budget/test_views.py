"""The budget page, its in-place editing (htmx and plain POST), history, export and the
multi-year view."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from budget.models import BudgetEnvelope, BudgetNote, BudgetParameters, CostLine, NoteKind
from tests.budget.factories import (
    BudgetEnvelopeFactory,
    BudgetNoteFactory,
    InKindContributionFactory,
    StaffPositionFactory,
)
from tests.factories import CostLineFactory, WorkPlanFactory
from workplan.models import PlanStatus

pytestmark = pytest.mark.django_db
D = Decimal
HTMX = {"HTTP_HX_REQUEST": "true"}


def url(plan, name="budget:detail", **kwargs):
    return reverse(name, kwargs={"year": plan.year, **kwargs})


def edit_url(line, kind="lines"):
    return reverse("budget:item-edit", kwargs={"year": line.plan.year, "kind": kind, "pk": line.pk})


def travel(plan):
    return CostLine.objects.get(plan=plan, category="travel")


def state(plan):
    return list(
        CostLine.objects.filter(plan=plan).order_by("pk").values_list("amount", "note", "version")
    ) + list(BudgetNote.objects.filter(plan=plan).order_by("pk").values_list("text", "position"))


@pytest.fixture
def plan_2024(db):
    plan = WorkPlanFactory(year=2024, status=PlanStatus.APPROVED)
    for category, amount in [
        ("salaries", "350000"),
        ("social_charges", "70000"),
        ("communication", "20000"),
        ("travel", "25000"),
        ("other", "0"),
    ]:
        CostLineFactory(plan=plan, category=category, amount=D(amount), note="")
    return plan


def test_isu_staff_read_the_budget_page(client_for, isu_user, plan_2025):
    response = client_for(isu_user).get(url(plan_2025))
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert '<dd id="budget-summary-figure">CHF 497\'138</dd>' in html
    assert '<td class="num" id="budget-total">497\'138</td>' in html
    assert "GICHD, in-kind" in html
    assert "Anticipates in-country support with an average of 10 economy class flights" in html
    assert "No 2024 budget to compare with." in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in html
    assert '<title id="budget-chart-title">' in html and '<desc id="budget-chart-desc">' in html
    assert "Salaries: 2025 CHF 364'282" in html
    assert 'Edit<span class="visually-hidden"> Travel</span>' in html
    assert "(computed)" in html  # social charges


def test_previous_year_figures_and_variances(client_for, isu_user, plan_2025, plan_2024):
    html = client_for(isu_user).get(url(plan_2025)).content.decode().replace("&#x27;", "'")
    # Travel: 27'000 against 25'000 = +2'000, +8%.
    row = html[html.index('data-category="travel"') :]
    row = row[: row.index("</tr>")]
    assert '<td class="num">25\'000</td>' in row
    assert '<td class="num">+2\'000</td>' in row
    assert '<td class="num">+8%</td>' in row
    # Other: 13'000 against 0: no percentage.
    other = html[html.index('data-category="other"') :]
    other = other[: other.index("</tr>")]
    assert '<td class="num">+13\'000</td>' in other and '<td class="num">—</td>' in other
    assert "CHF 465'000" in html  # the 2024 total
    assert "CHF +32'138 (+6.9%)" in html
    assert "Salaries: 2025 CHF 364'282, 2024 CHF 350'000" in html


def test_a_draft_previous_year_stays_hidden_from_whom_may_not_see_it(
    client_for, delegate_a, plan_2025, plan_2024
):
    plan_2025.status = PlanStatus.APPROVED
    plan_2025.save()
    plan_2024.status = PlanStatus.DRAFT
    plan_2024.save()
    html = client_for(delegate_a).get(url(plan_2025)).content.decode().replace("&#x27;", "'")
    assert "465'000" not in html and "No 2024 budget to compare with." in html


def _grow(plan, previous):
    """Ten times as many positions, notes, assumptions and contributions in kind."""
    for index in range(30):
        StaffPositionFactory(plan=plan, title=f"Officer {index}")
        BudgetNoteFactory(plan=plan, kind=NoteKind.NOTE)
        BudgetNoteFactory(plan=plan, kind=NoteKind.ASSUMPTION)
        InKindContributionFactory(plan=plan, item=f"Item {index}")


def test_page_query_count_does_not_grow(
    client_for, isu_user, plan_2025, plan_2024, django_assert_num_queries
):
    client = client_for(isu_user)
    client.get(url(plan_2025))  # warm the session
    with django_assert_num_queries(12) as small:
        assert client.get(url(plan_2025)).status_code == 200
    _grow(plan_2025, plan_2024)
    with django_assert_num_queries(12) as large:
        response = client.get(url(plan_2025))
    assert response.content.decode().replace("&#x27;", "'").count("Officer ") >= 30
    assert len(small.captured_queries) == len(large.captured_queries)


@pytest.mark.parametrize("who", ["anonymous", "delegate_a"])
def test_a_draft_budget_is_not_found_for_those_who_may_not_see_it(
    client_for, role_users, plan_2025, who
):
    assert client_for(role_users[who]).get(url(plan_2025)).status_code == 404
    assert client_for(role_users[who]).get(url(plan_2025, "budget:export")).status_code == 404


def test_an_unknown_year_is_not_found(client_for, isu_user):
    assert (
        client_for(isu_user).get(reverse("budget:detail", kwargs={"year": 1999})).status_code == 404
    )


def test_the_committee_reads_without_edit_controls(client_for, committee_user, plan_2025):
    response = client_for(committee_user).get(url(plan_2025))
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200 and "497'138" in html
    assert "Edit<span" not in html and "Add a cost line" not in html


@pytest.mark.parametrize(
    ("who", "status"), [("committee", 403), ("delegate_a", 404), ("anonymous", 404)]
)
def test_who_may_not_edit_changes_nothing(client_for, role_users, plan_2025, who, status):
    line = travel(plan_2025)
    before = state(plan_2025)
    client = client_for(role_users[who])
    data = {"version": line.version, "amount": "1", "note": "hacked"}
    assert client.post(edit_url(line), data).status_code == status
    assert (
        client.post(url(plan_2025, "budget:note-create"), {"kind": "note", "text": "x"}).status_code
        == status
    )
    note = BudgetNote.objects.filter(plan=plan_2025).first()
    delete = reverse("budget:item-delete", kwargs={"year": 2025, "kind": "notes", "pk": note.pk})
    assert client.post(delete, {"version": note.version}).status_code == status
    assert state(plan_2025) == before


def test_an_approved_plan_is_read_only_even_for_isu_staff(client_for, isu_user, plan_2025):
    plan_2025.status = PlanStatus.APPROVED
    plan_2025.save()
    line = travel(plan_2025)
    before = state(plan_2025)
    client = client_for(isu_user)
    assert "Edit<span" not in client.get(url(plan_2025)).content.decode().replace("&#x27;", "'")
    response = client.post(edit_url(line), {"version": line.version, "amount": "1", "note": ""})
    assert response.status_code == 403
    assert state(plan_2025) == before


def test_htmx_edit_rerenders_the_budget_with_the_new_total(client_for, isu_user, plan_2025):
    client = client_for(isu_user)
    line = travel(plan_2025)
    form = client.get(edit_url(line), **HTMX)
    assert form.status_code == 200
    assert form["HX-Retarget"] == f"#lines-{line.pk}"
    assert 'name="amount" value="27000.00"' in form.content.decode().replace("&#x27;", "'")
    response = client.post(
        edit_url(line), {"version": line.version, "amount": "30'000", "note": line.note}, **HTMX
    )
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert html.startswith('<div id="budget-editor"')
    assert "CHF 500'138" in html and '<td class="num" id="budget-total">500\'138</td>' in html
    assert travel(plan_2025).amount == D("30000.00")


def test_plain_post_edit_redirects_back_to_the_page(client_for, isu_user, plan_2025):
    client = client_for(isu_user)
    line = travel(plan_2025)
    assert "<form" in client.get(edit_url(line)).content.decode().replace("&#x27;", "'")
    response = client.post(
        edit_url(line), {"version": line.version, "amount": "28000", "note": "x"}
    )
    assert response.status_code == 302 and response["Location"] == url(plan_2025)
    html = client.get(url(plan_2025)).content.decode().replace("&#x27;", "'")
    assert "Travel saved." in html and "CHF 498'138" in html


def test_a_stale_edit_is_refused_with_the_newer_value(client_for, isu_user, plan_2025):
    client = client_for(isu_user)
    line = travel(plan_2025)
    stale = line.version
    client.post(edit_url(line), {"version": stale, "amount": "31000", "note": "Newer"})
    before = state(plan_2025)
    response = client.post(edit_url(line), {"version": stale, "amount": "1000", "note": "Older"})
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 400
    assert "your change was not saved" in html and "Travel CHF 31'000 (Newer)" in html
    assert f'name="version" value="{stale + 1}"' in html  # saving again is a deliberate choice
    assert state(plan_2025) == before
    htmx = client.post(
        edit_url(line), {"version": stale, "amount": "1000", "note": "Older"}, **HTMX
    )
    assert htmx.status_code == 200 and "your change was not saved" in htmx.content.decode().replace(
        "&#x27;", "'"
    )
    assert state(plan_2025) == before


@pytest.mark.parametrize(
    ("amount", "message"),
    [("abc", "is not an amount"), ("-1", "cannot be negative"), ("", "required")],
)
def test_bad_input_gets_a_message_and_changes_nothing(
    client_for, isu_user, plan_2025, amount, message
):
    line = travel(plan_2025)
    before = state(plan_2025)
    response = client_for(isu_user).post(
        edit_url(line), {"version": line.version, "amount": amount, "note": ""}
    )
    assert response.status_code == 400 and message in response.content.decode().replace(
        "&#x27;", "'"
    )
    assert state(plan_2025) == before


def test_a_derived_line_refuses_a_typed_amount_on_the_page(client_for, isu_user, plan_2025):
    line = CostLine.objects.get(plan=plan_2025, category="social_charges")
    before = state(plan_2025)
    response = client_for(isu_user).post(
        edit_url(line), {"version": line.version, "amount": "5", "note": ""}
    )
    assert (
        response.status_code == 400
        and "change the rate instead" in response.content.decode().replace("&#x27;", "'")
    )
    assert state(plan_2025) == before


def test_parameters_form_rewrites_social_charges_and_travel_note(client_for, isu_user, plan_2025):
    parameters = BudgetParameters.objects.get(plan=plan_2025)
    response = client_for(isu_user).post(
        url(plan_2025, "budget:parameters-edit"),
        {
            "parameters-version": parameters.version,
            "parameters-social_charges_rate": "25",
            "parameters-long_haul_flights": "7",
            "parameters-short_or_medium_haul_flights": "4",
            "parameters-flight_class": "economy",
        },
        **HTMX,
    )
    html = response.content.decode().replace("&#x27;", "'")
    assert "91'071" in html  # 364'282 x 25% = 91'070.50 -> 91'071
    assert "average of 11 economy class flights expected (7 long haul" in html
    bad = client_for(isu_user).post(
        url(plan_2025, "budget:parameters-edit"),
        {
            "parameters-social_charges_rate": "250",
            "parameters-long_haul_flights": "7",
            "parameters-short_or_medium_haul_flights": "4",
            "parameters-flight_class": "economy",
        },
    )
    assert (
        bad.status_code == 400
        and "a percentage from 0% to 100%" in bad.content.decode().replace("&#x27;", "'")
    )


def test_notes_are_added_moved_and_removed(client_for, isu_user, plan_2025):
    client = client_for(isu_user)
    response = client.post(
        url(plan_2025, "budget:note-create"), {"kind": "assumption", "text": "A fifth one."}
    )
    assert response.status_code == 302
    fifth = BudgetNote.objects.get(text="A fifth one.")
    assert fifth.position == 4
    move = reverse("budget:note-move", kwargs={"year": 2025, "pk": fifth.pk})
    client.post(move, {"version": fifth.version, "to": 1})
    assumptions = BudgetNote.objects.filter(plan=plan_2025, kind="assumption").order_by("position")
    assert assumptions[0].pk == fifth.pk
    fifth.refresh_from_db()
    delete = reverse("budget:item-delete", kwargs={"year": 2025, "kind": "notes", "pk": fifth.pk})
    client.post(delete, {"version": fifth.version})
    assert not BudgetNote.objects.filter(pk=fifth.pk).exists()
    empty = client.post(url(plan_2025, "budget:note-create"), {"kind": "note", "text": " "}, **HTMX)
    assert empty[
        "HX-Retarget"
    ] == "#budget-alerts" and "cannot be empty" in empty.content.decode().replace("&#x27;", "'")
    impossible = client.post(move, {"version": 1, "to": 9})
    assert impossible.status_code in (400, 404)


def test_a_position_added_on_the_page(client_for, isu_user, plan_2025):
    response = client_for(isu_user).post(
        url(plan_2025, "budget:position-create"),
        {
            "new-position-title": "Intern",
            "new-position-share_of_time": "50",
            "new-position-annual_cost": "",
        },
        **HTMX,
    )
    assert "Intern" in response.content.decode().replace(
        "&#x27;", "'"
    ) and "3 of 4" not in response.content.decode().replace("&#x27;", "'")


def test_history_shows_who_when_before_and_after(client_for, isu_user, plan_2025):
    client = client_for(isu_user)
    line = travel(plan_2025)
    client.post(
        edit_url(line), {"version": line.version, "amount": "30000", "note": "Changed note"}
    )
    history = reverse("budget:item-history", kwargs={"year": 2025, "kind": "lines", "pk": line.pk})
    html = client.get(history).content.decode().replace("&#x27;", "'")
    assert "isu-staff" in html or isu_user.get_full_name() in html
    assert "CHF 27'000.00" in html and "CHF 30'000.00" in html
    assert "Changed note" in html and "(changed)" in html


def test_xlsx_export(client_for, isu_user, plan_2025, plan_2024):
    response = client_for(isu_user).get(url(plan_2025, "budget:export"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="isu-budget-2025.xlsx"'
    book = load_workbook(BytesIO(response.content))
    sheet = book["Budget 2025"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert rows[0][:5] == [
        "Cost",
        "Amount in CHF 2025",
        "Amount in CHF 2024",
        "Variance CHF",
        "Variance %",
    ]
    assert rows[2][:5] == ["Social charges", 72856, 70000, 2856, 4.1]
    assert rows[6][:3] == ["Total", 497138, 465000]
    assert rows[7][:2] == ["Administrative Expenses", "GICHD, in kind"]
    assert [r[0] for r in book["Staffing"].iter_rows(min_row=2, values_only=True)] == [
        "Director",
        "Implementation Support Specialist",
        "Implementation Support Assistant",
    ]
    notes = [r[0] for r in book["Notes and assumptions"].iter_rows(values_only=True)]
    assert notes[0] == "Budget Notes" and "Assumptions" in notes


def test_overview_lists_every_visible_year_with_the_envelope(
    client_for, isu_user, plan_2025, plan_2024, django_assert_num_queries
):
    BudgetEnvelopeFactory(year=2025, amount=D("500000"))
    client = client_for(isu_user)
    client.get(reverse("budget:overview"))
    with django_assert_num_queries(6) as small:
        html = client.get(reverse("budget:overview")).content.decode().replace("&#x27;", "'")
    assert "497'138" in html and "465'000" in html and "500'000" in html and "-2'862" in html
    assert "+32'138 (+6.9%)" in html
    by_category = html[html.index("<caption>Cost lines by year, in CHF</caption>") :]
    assert (
        '<th scope="col" class="num">2024</th><th scope="col" class="num">2025</th>' in by_category
    )
    assert (
        '<tr><th scope="row">Social charges</th><td class="num">70\'000</td>'
        '<td class="num">72\'856</td></tr>'
    ) in by_category
    assert '<td class="num">465\'000</td><td class="num">497\'138</td>' in by_category
    for year in range(2026, 2036):
        plan = WorkPlanFactory(year=year)
        CostLineFactory(plan=plan, category="travel", amount=D("1000"))
    with django_assert_num_queries(6) as large:
        html = client.get(reverse("budget:overview")).content.decode().replace("&#x27;", "'")
    assert len(small.captured_queries) == len(large.captured_queries)
    assert "2035" in html


def test_envelopes_are_entered_by_isu_staff_only(client_for, isu_user, committee_user):
    committee = client_for(committee_user)
    assert (
        committee.post(reverse("budget:envelope-set"), {"year": 2025, "amount": "1"}).status_code
        == 403
    )
    assert not BudgetEnvelope.objects.exists()
    isu = client_for(isu_user)
    isu.post(reverse("budget:envelope-set"), {"year": 2025, "amount": "510'000"})
    assert BudgetEnvelope.objects.get(year=2025).amount == D("510000.00")
    response = isu.post(
        reverse("budget:envelope-set"), {"year": 2025, "amount": "lots"}, follow=True
    )
    assert "is not an amount" in response.content.decode().replace("&#x27;", "'")
    assert BudgetEnvelope.objects.get(year=2025).amount == D("510000.00")
    isu.post(reverse("budget:envelope-set"), {"year": 2025, "amount": ""})
    assert not BudgetEnvelope.objects.exists()


def test_a_delegate_sees_only_visible_years_in_the_overview(
    client_for, delegate_a, plan_2025, plan_2024
):
    html = (
        client_for(delegate_a)
        .get(reverse("budget:overview"))
        .content.decode()
        .replace("&#x27;", "'")
    )
    assert "465'000" in html and "497'138" not in html


def test_an_envelope_year_without_a_plan_is_listed(client_for, isu_user, plan_2025):
    BudgetEnvelopeFactory(year=2021, amount=D("480000"))
    BudgetEnvelopeFactory(year=2025, amount=D("497000"))
    html = client_for(isu_user).get(reverse("budget:overview")).content.decode()
    row_2021 = html[html.index('<th scope="row">2021</th>') :]
    row_2021 = row_2021[: row_2021.index("</tr>")]
    assert "no plan in the portal" in row_2021 and "480'000" in row_2021
    assert "(2 of 6 years entered)" in html and "977'000" in html
    assert "+138" in html  # 497'138 less the 497'000 envelope


def test_a_computed_line_is_shown_read_only_in_its_form(client_for, isu_user, plan_2025):
    charges = CostLine.objects.get(plan=plan_2025, category="social_charges")
    html = client_for(isu_user).get(edit_url(charges)).content.decode()
    field = html[html.index('name="amount"') :]
    field = field[: field.index(">")]
    assert "readonly" in field
    assert "Computed as a rate of salaries" in html
    travel_form = client_for(isu_user).get(edit_url(travel(plan_2025))).content.decode()
    amount = travel_form[travel_form.index('name="amount"') :]
    assert (
        "readonly" not in amount[: amount.index(">")] and "autofocus" in amount[: amount.index(">")]
    )


def test_contributions_in_kind_are_added_and_removed(
    client_for, isu_user, committee_user, plan_2025
):
    from budget.models import InKindContribution

    create = url(plan_2025, "budget:in-kind-create")
    data = {
        "new-in-kind-item": "Meeting rooms",
        "new-in-kind-provider": "Switzerland",
        "new-in-kind-description": "",
    }
    assert client_for(committee_user).post(create, data).status_code == 403
    assert InKindContribution.objects.count() == 1
    response = client_for(isu_user).post(create, data, **HTMX)
    html = response.content.decode()
    assert "Meeting rooms" in html and "Switzerland, in-kind" in html
    assert '<p class="message message--success" role="status">Meeting rooms added.</p>' in html
    added = InKindContribution.objects.get(item="Meeting rooms")
    delete = reverse("budget:item-delete", kwargs={"year": 2025, "kind": "in-kind", "pk": added.pk})
    client_for(isu_user).post(delete, {"version": added.version})
    assert InKindContribution.objects.count() == 1


def test_history_and_edit_pages_query_counts_do_not_grow(client_for, isu_user, plan_2025):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from budget import services

    client = client_for(isu_user)
    line = travel(plan_2025)
    history = reverse("budget:item-history", kwargs={"year": 2025, "kind": "lines", "pk": line.pk})
    client.get(history)
    counts = []
    for changes in (1, 20):
        for index in range(changes):
            line = travel(plan_2025)
            services.cost_line_update(
                line=line, amount=D(27000 + index + len(counts) * 100), note=f"n{index}"
            )
        with CaptureQueriesContext(connection) as history_queries:
            assert client.get(history).status_code == 200
        with CaptureQueriesContext(connection) as edit_queries:
            assert client.get(edit_url(line)).status_code == 200
        counts.append((len(history_queries), len(edit_queries)))
    assert counts[0] == counts[1]
    assert client.get(history).content.decode().count("(changed)") == 21


def test_history_of_a_position_and_a_note(client_for, isu_user, plan_2025):
    from budget import services
    from budget.models import StaffPosition

    position = StaffPosition.objects.filter(plan=plan_2025).order_by("position").first()
    services.staff_position_update(
        position=position, title="Director", share_of_time="80", annual_cost="150000"
    )
    html = (
        client_for(isu_user)
        .get(
            reverse(
                "budget:item-history", kwargs={"year": 2025, "kind": "positions", "pk": position.pk}
            )
        )
        .content.decode()
        .replace("&#x27;", "'")
    )
    assert "100%" in html and "80%" in html and "CHF 150'000.00" in html
    missing = reverse(
        "budget:item-history", kwargs={"year": 2025, "kind": "rent", "pk": position.pk}
    )
    assert client_for(isu_user).get(missing).status_code == 404
