from django.urls import include, path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("calendar.ics", views.meeting_calendar, name="calendar"),
    path("new/", views.meeting_create, name="create"),
    path("follow-ups/", views.follow_ups, name="follow-ups"),
    path("follow-ups/<int:pk>/done/", views.follow_up_complete, name="follow-up-complete"),
    path("<str:short_name>/", views.meeting_detail, name="detail"),
    path("<str:short_name>/edit/", views.meeting_edit, name="edit"),
    path("<str:short_name>/agenda/add/", views.agenda_add, name="agenda-add"),
    path("<str:short_name>/agenda/<int:pk>/move/", views.agenda_move, name="agenda-move"),
    path("<str:short_name>/agenda/<int:pk>/delete/", views.agenda_delete, name="agenda-delete"),
    path("<str:short_name>/documents/", views.document_list, name="documents"),
    path("<str:short_name>/documents/new/", views.document_register, name="document-register"),
    path("<str:short_name>/documents/<int:pk>/edit/", views.document_edit, name="document-edit"),
    path("<str:short_name>/documents/<int:pk>/file/", views.document_file, name="document-file"),
    path("<str:short_name>/records/", views.meeting_records, name="records"),
    path("<str:short_name>/records/summary/", views.summary_save, name="summary-save"),
    path("<str:short_name>/records/decisions/", views.decision_add, name="decision-add"),
    path("<str:short_name>/records/follow-ups/", views.follow_up_add, name="follow-up-add"),
    path("<str:short_name>/participants/", views.participant_list, name="participants"),
    path(
        "<str:short_name>/participants/register/",
        views.participant_register,
        name="participant-register",
    ),
    path(
        "<str:short_name>/participants/<int:pk>/edit/",
        views.participant_edit,
        name="participant-edit",
    ),
    path(
        "<str:short_name>/participants/<int:pk>/decide/",
        views.participant_decide,
        name="participant-decide",
    ),
    path(
        "<str:short_name>/participants/badges.csv",
        views.participant_export,
        {"fmt": "csv"},
        name="participant-export-csv",
    ),
    path(
        "<str:short_name>/participants/badges.xlsx",
        views.participant_export,
        {"fmt": "xlsx"},
        name="participant-export-xlsx",
    ),
    path("", include("sponsorship.urls")),
]
