"""Admin: issued documents, payments and logs are read-only (services are the only writers);
reminder levels are edited here through the service that validates their templates."""

from django import forms
from django.contrib import admin

from contributions import services
from contributions.models import (
    AssessmentBasis,
    CreditNote,
    Invoice,
    IssueJob,
    Payment,
    ReminderLevel,
    SentMail,
    UNScaleRate,
)
from isu_portal.errors import DomainError


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Invoice)
class InvoiceAdmin(ReadOnlyAdmin):
    list_display = ["number", "state", "year", "issue_date", "due_date", "amount"]
    list_filter = ["year"]
    search_fields = ["number", "state__name", "payment_reference"]
    list_select_related = ["state"]


@admin.register(CreditNote)
class CreditNoteAdmin(ReadOnlyAdmin):
    list_display = ["number", "invoice", "issue_date", "amount"]
    list_select_related = ["invoice"]


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = ["state", "invoice", "received_on", "amount", "reference"]
    list_select_related = ["state", "invoice"]
    search_fields = ["state__name", "reference"]


@admin.register(SentMail)
class SentMailAdmin(ReadOnlyAdmin):
    list_display = ["invoice", "kind", "sent_at", "recipients"]
    list_select_related = ["invoice"]


@admin.register(UNScaleRate)
class UNScaleRateAdmin(ReadOnlyAdmin):
    list_display = ["state", "first_year", "last_year", "rate_percent"]
    list_select_related = ["state"]
    list_filter = ["first_year"]


@admin.register(AssessmentBasis)
class AssessmentBasisAdmin(ReadOnlyAdmin):
    list_display = ["year", "method", "floor", "ceiling_percent"]


@admin.register(IssueJob)
class IssueJobAdmin(ReadOnlyAdmin):
    list_display = ["year", "status", "send", "total", "created_at", "finished_at"]


class ReminderLevelForm(forms.ModelForm):
    class Meta:
        model = ReminderLevel
        fields = ["name", "offset_days", "subject", "body", "active"]

    def _template(self, field: str, what: str) -> str:
        value = self.cleaned_data[field]
        try:
            services.template_check(value, what=what)
        except DomainError as error:
            raise forms.ValidationError(error.messages) from error
        return value

    def clean_subject(self):
        return self._template("subject", "subject")

    def clean_body(self):
        return self._template("body", "text")


@admin.register(ReminderLevel)
class ReminderLevelAdmin(admin.ModelAdmin):
    form = ReminderLevelForm
    list_display = ["name", "offset_days", "subject", "active"]

    def save_model(self, request, obj, form, change):
        data = {field: form.cleaned_data[field] for field in ReminderLevelForm.Meta.fields}
        saved = services.reminder_level_save(level=obj if change else None, **data)
        obj.pk = saved.pk

    def has_delete_permission(self, request, obj=None):
        # A level that was sent stays, so that the reminder logs keep their meaning.
        return False
