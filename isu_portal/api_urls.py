"""Every app's API routes under /api/."""

from django.urls import include, path
from rest_framework.authtoken.views import obtain_auth_token

api_patterns = [
    path("auth/token/", obtain_auth_token, name="api-token"),
    path("", include("parties.api_urls")),
    path("", include("meetings.api_urls")),
    path("", include("workplan.api_urls")),
    path("", include("budget.api_urls")),
    path("", include("contributions.api_urls")),
    path("", include("review.api_urls")),
]
