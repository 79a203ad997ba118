from django.urls import path

from workplan import views

app_name = "workplan"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("copy/", views.plan_copy, name="copy"),
    path("<int:year>/", views.plan_detail, name="detail"),
    path("<int:year>/<slug:kind>/new/<str:parent>/", views.part_create, name="part-create"),
    path("<int:year>/<slug:kind>/<int:pk>/edit/", views.part_edit, name="part-edit"),
    path("<int:year>/<slug:kind>/<int:pk>/delete/", views.part_delete, name="part-delete"),
    path("<int:year>/<slug:kind>/<int:pk>/move/", views.part_move, name="part-move"),
    path("<int:year>/<slug:kind>/<int:pk>/history/", views.part_history, name="part-history"),
]
