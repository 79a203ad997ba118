"""Admin views of meetings. Writes go through the services (or the portal's own pages), so the
admin never bypasses the rules: rows with sequenced symbols or workflows are read-only here."""

from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from isu_portal.errors import DomainError
from meetings import services
from meetings.models import (
    FollowUpAction,
    Meeting,
    MeetingDocument,
    Participant,
    SymbolCounter,
)


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["short_name", "title", "kind", "start_date", "end_date", "city", "is_public"]
    list_filter = ["kind", "format", "is_public"]
    search_fields = ["short_name", "title", "city"]
    autocomplete_fields = ["presidency"]

    def save_model(self, request, obj, form, change):
        fields = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            if change:
                services.meeting_update(meeting=Meeting.objects.get(pk=obj.pk), **fields)
            else:
                data = {
                    name: form.cleaned_data[name]
                    for name in services.MEETING_FIELDS
                    if name in form.cleaned_data
                }
                obj.pk = services.meeting_create(**data).pk
        except DomainError as error:
            messages.error(request, "; ".join(error.messages))

    def has_delete_permission(self, request, obj=None):
        return False  # documents, participants and work plans refer to meetings


@admin.register(MeetingDocument)
class MeetingDocumentAdmin(ReadOnlyAdmin):
    list_display = ["symbol", "title", "meeting", "document_date", "distribution", "is_public"]
    list_filter = ["meeting", "kind", "distribution", "is_public"]
    search_fields = ["symbol", "title"]


@admin.register(Participant)
class ParticipantAdmin(ReadOnlyAdmin):
    list_display = ["name", "meeting", "state", "organisation", "status", "consent_public"]
    list_filter = ["meeting", "status", "gender"]
    search_fields = ["name", "email", "organisation"]
    list_select_related = ["meeting", "state"]


@admin.register(FollowUpAction)
class FollowUpActionAdmin(ReadOnlyAdmin):
    list_display = ["description", "meeting", "owner", "due_date", "status"]
    list_filter = ["status", "meeting"]


@admin.register(SymbolCounter)
class SymbolCounterAdmin(ReadOnlyAdmin):
    list_display = ["prefix", "last_number"]
