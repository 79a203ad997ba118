from django.urls import path

from review import views

app_name = "review"

urlpatterns = [
    path("review/", views.awaiting, name="awaiting"),
    path("workplans/<int:year>/review/", views.overview, name="overview"),
    path("workplans/<int:year>/review/versions/", views.versions, name="versions"),
    path("workplans/<int:year>/review/redline/", views.redline, name="redline"),
    path("workplans/<int:year>/review/redline.pdf", views.redline_pdf, name="redline-pdf"),
    path("workplans/<int:year>/review/comments/", views.comments, name="comments"),
    path(
        "workplans/<int:year>/review/comments/<int:pk>/reply/",
        views.comment_reply,
        name="comment-reply",
    ),
    path(
        "workplans/<int:year>/review/comments/<int:pk>/resolve/",
        views.comment_resolve,
        name="comment-resolve",
    ),
    path("workplans/<int:year>/review/<slug:action>/", views.transition, name="transition"),
]
