from django.contrib import admin

from reporting.models import RenderedDocument


@admin.register(RenderedDocument)
class RenderedDocumentAdmin(admin.ModelAdmin):
    """Read-only: documents are written by reporting.services only, and kept."""

    list_display = ("plan", "kind", "short_hash", "size", "created_at")
    list_filter = ("kind", "plan")
    readonly_fields = ("plan", "kind", "hash", "fingerprint", "path", "size", "created_at")

    @admin.display(description="hash")
    def short_hash(self, obj):
        return obj.hash[:12]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
