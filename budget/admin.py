"""Admin: history of every budget item, the import and export of cost lines, and the
six-year envelope. Budget items are edited on the budget page (with its locking and derived
lines), so the admin shows them read-only; every write the admin does goes through services."""

from django.contrib import admin
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from accounts import access
from budget import services
from budget.models import (
    BudgetEnvelope,
    BudgetNote,
    BudgetParameters,
    CostLine,
    InKindContribution,
    StaffPosition,
)
from budget.resources import CostLineResource


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return access.is_isu_staff(request.user)

    def has_module_permission(self, request):
        return access.is_isu_staff(request.user)


@admin.register(CostLine)
class CostLineAdmin(ImportExportMixin, ReadOnlyAdmin):
    resource_classes = [CostLineResource]
    list_display = ["plan", "category", "amount", "note", "version"]
    list_filter = ["plan__year", "category"]
    list_select_related = ["plan"]

    def has_import_permission(self, request):
        return access.is_isu_staff(request.user)

    def has_export_permission(self, request):
        return access.is_isu_staff(request.user)


@admin.register(StaffPosition)
class StaffPositionAdmin(ReadOnlyAdmin):
    list_display = ["plan", "title", "share_of_time", "annual_cost", "version"]
    list_filter = ["plan__year"]
    list_select_related = ["plan"]


@admin.register(InKindContribution)
class InKindContributionAdmin(ReadOnlyAdmin):
    list_display = ["plan", "item", "provider", "version"]
    list_select_related = ["plan"]


@admin.register(BudgetNote)
class BudgetNoteAdmin(ReadOnlyAdmin):
    list_display = ["plan", "kind", "position", "text", "from_travel_plan", "version"]
    list_filter = ["plan__year", "kind"]
    list_select_related = ["plan"]


@admin.register(BudgetParameters)
class BudgetParametersAdmin(ReadOnlyAdmin):
    list_display = [
        "plan",
        "social_charges_rate",
        "long_haul_flights",
        "short_or_medium_haul_flights",
        "flight_class",
        "version",
    ]
    list_select_related = ["plan"]


@admin.register(BudgetEnvelope)
class BudgetEnvelopeAdmin(SimpleHistoryAdmin):
    list_display = ["year", "amount", "source", "version"]
    fields = ["year", "amount", "source"]

    def has_module_permission(self, request):
        return access.can_edit_budget_envelope(request.user)

    def has_view_permission(self, request, obj=None):
        return access.can_edit_budget_envelope(request.user)

    def has_add_permission(self, request):
        return access.can_edit_budget_envelope(request.user)

    def has_change_permission(self, request, obj=None):
        return access.can_edit_budget_envelope(request.user)

    def has_delete_permission(self, request, obj=None):
        return access.can_edit_budget_envelope(request.user)

    def get_readonly_fields(self, request, obj=None):
        # A year's figure is changed or removed, never moved to another year.
        return ["year"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        saved = services.budget_envelope_set(year=obj.year, amount=obj.amount, source=obj.source)
        obj.pk, obj.version = saved.pk, saved.version

    def delete_model(self, request, obj):
        services.budget_envelope_set(year=obj.year, amount=None)
