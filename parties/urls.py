from django.urls import path

from parties import views

app_name = "parties"

urlpatterns = [
    path("", views.state_list, name="state-list"),
    path("<str:iso3>/", views.state_detail, name="state-detail"),
    path("<str:iso3>/contacts/new/", views.contact_create, name="contact-create"),
    path("<str:iso3>/contacts/<int:pk>/edit/", views.contact_edit, name="contact-edit"),
    path("<str:iso3>/contacts/<int:pk>/delete/", views.contact_delete, name="contact-delete"),
]
