from django.urls import path

from budget.api import (
    BudgetNoteViewSet,
    BudgetViewSet,
    CostLineViewSet,
    EnvelopeViewSet,
    InKindViewSet,
    ParametersView,
    StaffPositionViewSet,
)

COLLECTION = {"get": "list", "post": "create"}
MEMBER = {"get": "retrieve", "patch": "partial_update", "delete": "destroy"}

urlpatterns = [
    path("budgets/", BudgetViewSet.as_view({"get": "list"}), name="budget-list"),
    path("budgets/<int:year>/", BudgetViewSet.as_view({"get": "retrieve"}), name="budget-detail"),
    path("budgets/<int:year>/parameters/", ParametersView.as_view(), name="budget-parameters"),
    path("budgets/<int:year>/lines/", CostLineViewSet.as_view(COLLECTION), name="budget-lines"),
    path(
        "budgets/<int:year>/lines/<int:pk>/",
        CostLineViewSet.as_view(MEMBER),
        name="budget-line",
    ),
    path(
        "budgets/<int:year>/positions/",
        StaffPositionViewSet.as_view(COLLECTION),
        name="budget-positions",
    ),
    path(
        "budgets/<int:year>/positions/<int:pk>/",
        StaffPositionViewSet.as_view(MEMBER),
        name="budget-position",
    ),
    path("budgets/<int:year>/in-kind/", InKindViewSet.as_view(COLLECTION), name="budget-in-kind"),
    path(
        "budgets/<int:year>/in-kind/<int:pk>/",
        InKindViewSet.as_view(MEMBER),
        name="budget-in-kind-item",
    ),
    path("budgets/<int:year>/notes/", BudgetNoteViewSet.as_view(COLLECTION), name="budget-notes"),
    path(
        "budgets/<int:year>/notes/<int:pk>/",
        BudgetNoteViewSet.as_view(MEMBER),
        name="budget-note",
    ),
    path(
        "budgets/<int:year>/notes/<int:pk>/move/",
        BudgetNoteViewSet.as_view({"post": "move"}),
        name="budget-note-move",
    ),
    path(
        "budget-envelopes/",
        EnvelopeViewSet.as_view({"get": "list", "post": "create"}),
        name="budget-envelopes",
    ),
]
