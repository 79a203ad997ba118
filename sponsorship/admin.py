"""Admin views of the Sponsorship Programme: read-only; the portal's pages record decisions,
score changes and deadlines through the services."""

from django.contrib import admin

from meetings.admin import ReadOnlyAdmin
from sponsorship.models import ObligationDeadline, SponsorshipApplication, SponsorshipBudget


@admin.register(SponsorshipApplication)
class SponsorshipApplicationAdmin(ReadOnlyAdmin):
    list_display = ["participant", "meeting", "state", "score", "status"]
    list_filter = ["meeting", "status"]
    list_select_related = ["participant", "meeting", "state"]


@admin.register(ObligationDeadline)
class ObligationDeadlineAdmin(ReadOnlyAdmin):
    list_display = ["state", "article", "deadline", "note"]
    list_filter = ["article"]


@admin.register(SponsorshipBudget)
class SponsorshipBudgetAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "amount"]
