from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from accounts import views as account_views
from isu_portal.api_urls import api_patterns
from isu_portal.health import healthz
from isu_portal.security import csp_update

urlpatterns = [
    path("", account_views.home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("states/", include("parties.urls")),
    path("meetings/", include("meetings.urls")),
    path("", include("budget.urls")),  # workplans/<year>/budget/ and budgets/: before workplans/
    path("workplans/", include("reporting.urls")),  # the plan's official document: before
    path("", include("review.urls")),  # workplans/<year>/review/ and review/: before workplans/
    path("workplans/", include("workplan.urls")),
    path("", include("contributions.urls")),
    path("api/", include(api_patterns)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The vendored API docs inject <style> elements: inline styles (never scripts) allowed there.
    path(
        "api/docs/",
        csp_update(
            SpectacularSwaggerSplitView.as_view(url_name="api-schema"),
            style_src=["'unsafe-inline'"],
        ),
        name="api-docs",
    ),
    path(
        "api/redoc/",
        csp_update(
            SpectacularRedocView.as_view(url_name="api-schema"), style_src=["'unsafe-inline'"]
        ),
        name="api-redoc",
    ),
    path("admin/", admin.site.urls),
    path("healthz/", healthz, name="healthz"),
]

admin.site.site_header = "ISU CCM portal administration"
admin.site.site_title = "ISU CCM portal"
