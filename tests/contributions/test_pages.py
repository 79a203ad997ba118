"""The ISU pages do what they say: preview, confirm and issue, progress, credit notes, payments,
bank import, receivables and the chart; bad input gets a clear message and changes nothing."""

import html
import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.core import mail

from contributions import services
from contributions.models import (
    AssessmentBasis,
    AssessmentMethod,
    CreditNote,
    IssueJob,
    JobStatus,
    Payment,
    Pledge,
)
from tests.contributions.factories import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(isu_user, client_for):
    return client_for(isu_user)


def test_preview_lists_every_share_and_flags_states_with_no_un_rate(
    staff, small_world, budget_2025
):
    page = staff.get("/contributions/2025/assessment/").content.decode()
    assert "Preview: every State" in page
    assert "CHF 497'138" in page  # budget and sum of the shares
    assert page.count('class="row--flagged"') == 1  # the Holy See
    assert "no UN rate" in page
    assert "Confirm and issue 4 invoices" in page


def test_preview_refuses_an_unapproved_budget_clearly(staff, small_world):
    page = staff.get("/contributions/2025/assessment/").content.decode()
    assert "The 2025 budget cannot be assessed" in page and "no work plan for 2025" in page
    assert "Confirm and issue" not in page


def test_basis_form_saves_and_bad_input_changes_nothing(staff, small_world, budget_2025):
    response = staff.post(
        "/contributions/2025/assessment/",
        {"action": "basis", "method": "un_scale", "floor": "2000", "ceiling_percent": "30"},
    )
    assert response.status_code == 302
    basis = AssessmentBasis.objects.get(year=2025)
    assert basis.floor == Decimal("2000") and basis.ceiling_percent == Decimal("30")
    response = staff.post(
        "/contributions/2025/assessment/",
        {"action": "basis", "method": "nonsense", "floor": "-1"},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    basis.refresh_from_db()
    assert basis.method == AssessmentMethod.UN_SCALE and basis.floor == Decimal("2000")


def test_confirm_issues_through_a_job_and_the_page_shows_progress(
    staff, small_world, budget_2025, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post("/contributions/2025/issue/", {"send": "on"})
    job = IssueJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/contributions/jobs/{job.pk}/"
    assert job.status == JobStatus.FINISHED and len(mail.outbox) == 4
    page = staff.get(response["Location"]).content.decode()
    assert '<progress id="job-bar" class="progress" max="4" value="4">' in page
    assert "ISU-2025-0004" in page and "sent to 1 contact(s)" in page
    assert "hx-trigger" not in page  # finished: the page stops polling
    fragment = staff.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith('<section id="job-progress"')


def test_a_running_job_polls_for_progress(staff, small_world, budget_2025):
    job = IssueJob.objects.create(year=2025, total=4, status=JobStatus.RUNNING)
    page = staff.get(f"/contributions/jobs/{job.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in page and "0 of 4 States done" in page


def test_issue_refused_when_the_budget_is_not_approved(staff, small_world):
    response = staff.post("/contributions/2025/issue/", {"send": "on"}, follow=True)
    assert "no work plan for 2025" in response.content.decode()
    assert not IssueJob.objects.exists()


def test_credit_note_form(staff, small_world, state_a):
    invoice = issue(state_a)
    response = staff.post(
        f"/contributions/invoices/{invoice.number}/credit-note/", {"amount": "2000", "reason": "x"}
    )
    assert response.status_code == 400 and "only CHF 1&#x27;000.00" in response.content.decode()
    assert not CreditNote.objects.exists()
    response = staff.post(
        f"/contributions/invoices/{invoice.number}/credit-note/",
        {"amount": "250", "reason": "Rate corrected"},
    )
    assert response.status_code == 302
    page = staff.get(f"/invoices/{invoice.number}/").content.decode()
    assert "Rate corrected" in page and "Partly paid" not in page


def test_payment_form_records_a_partial_payment(staff, small_world, state_a):
    invoice = issue(state_a)
    form = staff.get(f"/contributions/payments/new/?invoice={invoice.number}").content.decode()
    assert 'value="1000.00"' in form
    response = staff.post(
        "/contributions/payments/new/",
        {"invoice": invoice.pk, "amount": "400", "received_on": "2025-03-01"},
    )
    assert response.status_code == 302
    page = staff.get(f"/invoices/{invoice.number}/").content.decode()
    assert "CHF 600.00" in page  # outstanding
    response = staff.post(
        "/contributions/payments/new/", {"amount": "5", "received_on": "2025-03-01"}
    )
    assert response.status_code == 400 and "Choose the invoice paid" in response.content.decode()
    assert Payment.objects.count() == 1


def test_bank_import_page_lists_bad_rows_and_imports_nothing(staff, small_world, state_a):
    issue(state_a)
    bad = io.BytesIO(
        b"date,amount,reference\n2025-03-01,10,CCM-ISU ISU-2025-0001\n2025-03-01,5,NOPE\n"
    )
    bad.name = "statement.csv"
    response = staff.post("/contributions/payments/import/", {"statement": bad})
    page = response.content.decode()
    assert response.status_code == 400 and "Nothing was imported" in page
    assert "line 3: no invoice has the payment reference" in page
    assert not Payment.objects.exists()
    good = io.BytesIO(b"date,amount,reference\n2025-03-01,10,CCM-ISU ISU-2025-0001\n")
    good.name = "statement.csv"
    response = staff.post("/contributions/payments/import/", {"statement": good})
    assert response.status_code == 302 and Payment.objects.count() == 1


def test_receivables_ages_what_is_outstanding_and_exports_xlsx(
    staff, small_world, state_a, state_b
):
    old = issue(state_a, issue_date=date(2023, 1, 10))  # due 11 Mar 2023: over a year late
    services.payment_record(
        state=state_a, invoice=old, amount=Decimal("200"), received_on=date(2023, 5, 1)
    )
    issue(state_b, amount=Decimal("300"), issue_date=date.today())
    page = staff.get("/contributions/receivables/").content.decode()
    assert "Over 365 days" in page and "800.00" in page and "300.00" in page
    response = staff.get("/contributions/receivables/?format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "State" and rows[0][5] == "Over 365 days"
    france = next(r for r in rows if r[0] == "France")
    assert Decimal(str(france[5])) == Decimal("800")


def test_overview_chart_is_accessible_svg_and_exports_xlsx(
    staff, small_world, state_a, budget_2025
):
    invoice = issue(state_a, amount=Decimal("1000"))
    services.payment_record(
        state=state_a, invoice=invoice, amount=Decimal("1000"), received_on=date(2025, 3, 1)
    )
    page = staff.get("/contributions/").content.decode()
    assert 'role="img" aria-labelledby="chart-title chart-desc"' in page
    assert "2025: budget CHF 497138, received CHF 1000." in page
    assert page.count("<rect ") == 2
    sheet = openpyxl.load_workbook(
        io.BytesIO(staff.get("/contributions/?format=xlsx").content)
    ).active
    assert list(sheet.values)[1][:2] == (2025, 497138)


def test_invoice_page_shows_the_reminder_log(staff, small_world, state_a):
    invoice = issue(state_a)
    services.reminders_send_due(today=date(2025, 3, 3))
    page = staff.get(f"/invoices/{invoice.number}/").content.decode()
    assert "Reminder: Due in 30 days" in page and "finance@fra.example.org" in page


def test_pledges_are_recorded_from_the_assessment_page(staff, small_world, budget_2025, state_a):
    services.assessment_basis_set(year=2025, method=AssessmentMethod.PLEDGES)
    page = staff.get("/contributions/2025/assessment/").content.decode()
    assert "Record a voluntary pledge" in page
    response = staff.post(
        "/contributions/2025/assessment/",
        {"action": "pledge", "state": state_a.pk, "amount": "250000"},
    )
    assert response.status_code == 302
    page = staff.get("/contributions/2025/assessment/").content.decode()
    assert "250'000" in page and "shortfall CHF 247'138" in html.unescape(page)
    response = staff.post(
        "/contributions/2025/assessment/", {"action": "pledge", "state": state_a.pk, "amount": "0"}
    )
    assert response.status_code == 400
    assert Pledge.objects.get().amount == Decimal("250000")


def test_invoices_issued_without_e_mail_can_be_sent_later_from_the_page(
    staff, small_world, budget_2025, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        staff.post("/contributions/2025/issue/", {})
    assert mail.outbox == []
    page = staff.get("/contributions/2025/assessment/").content.decode()
    assert "E-mail the invoices not yet sent" in page
    with django_capture_on_commit_callbacks(execute=True):
        staff.post("/contributions/2025/issue/", {"send": "on"})
    with django_capture_on_commit_callbacks(execute=True):
        staff.post("/contributions/2025/issue/", {"send": "on"})
    assert len(mail.outbox) == 4
