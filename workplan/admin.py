"""Admin: reference tables, plans, and import/export of the paragraphs and the results table.

The parts of a plan are edited on the plan page (versions, history, numbering); here they are
read, exported, and imported all-or-nothing through the resources' checks."""

from django.contrib import admin
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from workplan.models import (
    Activity,
    ConventionArticle,
    LapAction,
    Outcome,
    Output,
    Paragraph,
    ThematicArea,
    WorkPlan,
)
from workplan.resources import (
    ActivityResource,
    OutcomeResource,
    OutputResource,
    ParagraphResource,
)


@admin.register(WorkPlan)
class WorkPlanAdmin(SimpleHistoryAdmin):
    list_display = ("year", "title", "symbol", "status", "version", "updated_at")
    list_filter = ("status",)
    readonly_fields = ("year", "status", "version", "created_at", "updated_at", "created_by")

    def has_add_permission(self, request):
        return False  # plans are created on the site (new or copied), where the rules apply

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class _PartAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    readonly_fields = ("version",)
    search_fields = ("text",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Paragraph)
class ParagraphAdmin(_PartAdmin):
    resource_classes = [ParagraphResource]
    list_display = ("id", "section", "subsection", "position", "short_text", "version")
    list_filter = ("section__plan__year",)
    list_select_related = ("section", "subsection")

    @admin.display(description="text")
    def short_text(self, obj):
        return obj.text[:80]


@admin.register(Outcome)
class OutcomeAdmin(_PartAdmin):
    resource_classes = [OutcomeResource]
    list_display = ("id", "plan", "position", "short_text", "version")
    list_filter = ("plan__year",)
    list_select_related = ("plan",)

    @admin.display(description="text")
    def short_text(self, obj):
        return obj.text[:80]


@admin.register(Output)
class OutputAdmin(_PartAdmin):
    resource_classes = [OutputResource]
    list_display = ("id", "outcome_id", "position", "short_text", "version")
    list_filter = ("outcome__plan__year",)

    @admin.display(description="text")
    def short_text(self, obj):
        return obj.text[:80]


@admin.register(Activity)
class ActivityAdmin(_PartAdmin):
    resource_classes = [ActivityResource]
    list_display = ("id", "output_id", "position", "short_text", "version")
    list_filter = ("output__outcome__plan__year",)

    @admin.display(description="text")
    def short_text(self, obj):
        return obj.text[:80]


@admin.register(ConventionArticle)
class ConventionArticleAdmin(admin.ModelAdmin):
    list_display = ("number", "title")


@admin.register(LapAction)
class LapActionAdmin(admin.ModelAdmin):
    list_display = ("number", "title")


@admin.register(ThematicArea)
class ThematicAreaAdmin(admin.ModelAdmin):
    list_display = ("position", "code", "name", "article")
