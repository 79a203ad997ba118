from django.urls import path

from reporting import views

app_name = "reporting"

urlpatterns = [
    path("<int:year>/document/", views.workplan_document, name="workplan-document"),
    path("<int:year>/document.pdf", views.workplan_pdf, name="workplan-pdf"),
    path("<int:year>/document.docx", views.workplan_docx, name="workplan-docx"),
]
