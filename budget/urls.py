from django.urls import path

from budget import views

app_name = "budget"

# Mounted at the site root (before the workplans/ include) so that the budget of a plan lives
# under its plan's address and the multi-year view at /budgets/.
urlpatterns = [
    path("workplans/<int:year>/budget/", views.budget_detail, name="detail"),
    path("workplans/<int:year>/budget/export.xlsx", views.budget_export, name="export"),
    path("workplans/<int:year>/budget/lines/new/", views.line_create, name="line-create"),
    path(
        "workplans/<int:year>/budget/positions/new/",
        views.position_create,
        name="position-create",
    ),
    path("workplans/<int:year>/budget/notes/new/", views.note_create, name="note-create"),
    path("workplans/<int:year>/budget/in-kind/new/", views.in_kind_create, name="in-kind-create"),
    path("workplans/<int:year>/budget/notes/<int:pk>/move/", views.note_move, name="note-move"),
    path(
        "workplans/<int:year>/budget/parameters/",
        views.parameters_edit,
        name="parameters-edit",
    ),
    path(
        "workplans/<int:year>/budget/<str:kind>/<int:pk>/edit/",
        views.item_edit,
        name="item-edit",
    ),
    path(
        "workplans/<int:year>/budget/<str:kind>/<int:pk>/delete/",
        views.item_delete,
        name="item-delete",
    ),
    path(
        "workplans/<int:year>/budget/<str:kind>/<int:pk>/history/",
        views.item_history,
        name="item-history",
    ),
    path("budgets/", views.budget_overview, name="overview"),
    path("budgets/envelopes/", views.envelope_set, name="envelope-set"),
]
