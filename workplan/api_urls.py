from django.urls import path

from workplan import api

urlpatterns = [
    path("workplans/", api.PlanListView.as_view(), name="api-workplan-list"),
    path("workplans/<int:year>/", api.PlanDetailView.as_view(), name="api-workplan-detail"),
    path("workplans/<int:year>/copy/", api.PlanCopyView.as_view(), name="api-workplan-copy"),
]
for plural, create_view, detail_view, move_view in api.PART_VIEWS:
    urlpatterns += [
        path(
            f"workplans/<int:year>/{plural}/",
            create_view.as_view(),
            name=f"api-workplan-{plural}-create",
        ),
        path(
            f"workplans/<int:year>/{plural}/<int:pk>/",
            detail_view.as_view(),
            name=f"api-workplan-{plural}-detail",
        ),
        path(
            f"workplans/<int:year>/{plural}/<int:pk>/move/",
            move_view.as_view(),
            name=f"api-workplan-{plural}-move",
        ),
    ]
