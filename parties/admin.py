from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from isu_portal.errors import DomainError
from parties import services
from parties.models import Contact, State

CONTACT_FIELDS = [
    "kind",
    "name",
    "function",
    "email",
    "phone",
    "address",
    "receives_invoices",
    "receives_documents",
]


class ContactInline(admin.TabularInline):
    """Read-only here: contacts are edited on their own page, through the contact services."""

    model = Contact
    extra = 0
    fields = ["kind", "name", "function", "email", "receives_invoices", "receives_documents"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class StateAdminForm(forms.ModelForm):
    class Meta:
        model = State
        fields = list(services.STATE_FIELDS)

    def clean(self):
        cleaned = super().clean()
        values = {field: cleaned.get(field) for field in services.STATE_FIELDS}
        try:
            services.state_validate(values, instance=self.instance if self.instance.pk else None)
        except DomainError as error:
            raise ValidationError(error.messages) from error
        return cleaned


class ContactAdminForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["state", *CONTACT_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("state") is None:
            return cleaned
        try:
            services.contact_validate(
                state=cleaned["state"],
                kind=cleaned.get("kind") or "",
                name=cleaned.get("name") or "",
                email=cleaned.get("email") or "",
                contact=self.instance if self.instance.pk else None,
            )
        except DomainError as error:
            raise ValidationError(error.messages) from error
        return cleaned


@admin.register(State)
class StateAdmin(SimpleHistoryAdmin):
    """The form checks with the service's rules; saving goes through the service."""

    form = StateAdminForm
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

    def save_model(self, request, obj, form, change):
        values = {field: form.cleaned_data.get(field) for field in services.STATE_FIELDS}
        if change:
            services.state_update(state=State.objects.get(pk=obj.pk), **values)
        else:
            obj.pk = services.state_create(**values).pk


@admin.register(Contact)
class ContactAdmin(SimpleHistoryAdmin):
    form = ContactAdminForm
    list_display = ["name", "state", "kind", "email", "receives_invoices"]
    list_filter = ["kind", "state__region"]
    search_fields = ["name", "email", "state__name"]
    list_select_related = ["state"]
    autocomplete_fields = ["state"]

    def save_model(self, request, obj, form, change):
        values = {field: form.cleaned_data[field] for field in CONTACT_FIELDS}
        if change:
            services.contact_update(contact=Contact.objects.get(pk=obj.pk), **values)
        else:
            obj.pk = services.contact_create(state=form.cleaned_data["state"], **values).pk

    def delete_model(self, request, obj):
        services.contact_delete(contact=obj)

    def delete_queryset(self, request, queryset):
        for contact in queryset:
            services.contact_delete(contact=contact)
