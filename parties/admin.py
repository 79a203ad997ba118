from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from parties.models import Contact, State


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ["kind", "name", "function", "email", "receives_invoices", "receives_documents"]


@admin.register(State)
class StateAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "iso3",
        "region",
        "signature_date",
        "consent_date",
        "consent_type",
        "withdrawal_effective_date",
    ]
    list_filter = ["region", "consent_type"]
    search_fields = ["name", "iso3"]
    inlines = [ContactInline]


@admin.register(Contact)
class ContactAdmin(SimpleHistoryAdmin):
    list_display = ["name", "state", "kind", "email", "receives_invoices"]
    list_filter = ["kind", "state__region"]
    search_fields = ["name", "email", "state__name"]
    list_select_related = ["state"]
    autocomplete_fields = ["state"]
