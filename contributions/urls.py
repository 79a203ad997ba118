"""Two URL sets: the States Parties' portal under /invoices/ and the ISU's under
/contributions/. Both share the `contributions` namespace."""

from django.urls import include, path

from contributions import views

app_name = "contributions"

portal_patterns = [
    path("", views.invoice_list, name="invoice-list"),
    path("statements/<str:iso3>.pdf", views.statement_pdf, name="statement-pdf"),
    path("credit-notes/<str:number>.pdf", views.credit_note_pdf, name="credit-note-pdf"),
    path("<str:number>/", views.invoice_detail, name="invoice-detail"),
    path("<str:number>.pdf", views.invoice_pdf, name="invoice-pdf"),
]

isu_patterns = [
    path("", views.overview, name="overview"),
    path("<int:year>/assessment/", views.assessment, name="assessment"),
    path("<int:year>/issue/", views.issue, name="issue"),
    path("jobs/<int:pk>/", views.job_detail, name="job-detail"),
    path("invoices/<str:number>/credit-note/", views.credit_note_create, name="credit-note-create"),
    path("payments/new/", views.payment_create, name="payment-create"),
    path("payments/import/", views.bank_import, name="bank-import"),
    path("receivables/", views.receivables, name="receivables"),
]

urlpatterns = [
    path("invoices/", include(portal_patterns)),
    path("contributions/", include(isu_patterns)),
]
