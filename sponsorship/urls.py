"""Included by meetings.urls: the programme's pages live under their meeting."""

from django.urls import path

from sponsorship import views

urlpatterns = [
    path("sponsorship/deadlines/", views.deadline_list, name="deadlines"),
    path("sponsorship/deadlines/<int:pk>/delete/", views.deadline_delete, name="deadline-delete"),
    path("<str:short_name>/sponsorship/", views.application_list, name="sponsorship"),
    path("<str:short_name>/sponsorship/apply/", views.application_new, name="sponsorship-apply"),
    path("<str:short_name>/sponsorship/budget/", views.budget_save, name="sponsorship-budget"),
    path(
        "<str:short_name>/sponsorship/<int:pk>/",
        views.application_detail,
        name="sponsorship-application",
    ),
    path(
        "<str:short_name>/sponsorship/<int:pk>/score/",
        views.score_adjust,
        name="sponsorship-score",
    ),
    path(
        "<str:short_name>/sponsorship/<int:pk>/decide/",
        views.application_decide,
        name="sponsorship-decide",
    ),
    path(
        "<str:short_name>/sponsorship/<int:pk>/grant-letter.pdf",
        views.grant_letter,
        name="sponsorship-grant-letter",
    ),
    path("<str:short_name>/report/", views.participation_report, name="report"),
]
