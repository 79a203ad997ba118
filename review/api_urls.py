from django.urls import path

from review import api

urlpatterns = [
    path("review/awaiting/", api.AwaitingView.as_view(), name="api-review-awaiting"),
    path("workplans/<int:year>/review/", api.ReviewStatusView.as_view(), name="api-review-status"),
    path(
        "workplans/<int:year>/review/<slug:action>/",
        api.TransitionView.as_view(),
        name="api-review-transition",
    ),
    path(
        "workplans/<int:year>/versions/", api.VersionListView.as_view(), name="api-review-versions"
    ),
    path(
        "workplans/<int:year>/versions/<int:number>/",
        api.VersionDetailView.as_view(),
        name="api-review-version",
    ),
    path("workplans/<int:year>/redline/", api.RedlineView.as_view(), name="api-review-redline"),
    path(
        "workplans/<int:year>/comments/", api.CommentListView.as_view(), name="api-review-comments"
    ),
    path(
        "workplans/<int:year>/comments/<int:pk>/resolve/",
        api.CommentResolveView.as_view(),
        name="api-review-comment-resolve",
    ),
]
