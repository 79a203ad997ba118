"""Import and export of cost lines (django-import-export). Rows are keyed by (year, cost);
each row is written through the services, so an import obeys every rule of the page:
draft plans only, the importer's edit right, no typed amount on a derived line. The import
is all or nothing: one bad row and no row is kept, and the bad row is named."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from accounts import access
from budget import arithmetic, services
from budget.models import CostCategory, CostLine
from isu_portal.errors import DomainError
from workplan.models import WorkPlan

_CATEGORIES = {
    **{value.lower(): value for value in CostCategory.values},
    **{label.lower(): value for value, label in CostCategory.choices},
}


class CHFWidget(widgets.Widget):
    """Reads 27000, 27000.00 or 27'000; writes the amount to the centime."""

    def clean(self, value, row=None, **kwargs):
        try:
            return services._amount(value, label="amount")
        except DomainError as error:
            # The column is named by the row's message; keep only what is wrong.
            raise ValueError(error.messages[0].split(": ", 1)[-1]) from None

    def render(self, value, obj=None, **kwargs):
        return None if value is None else arithmetic.round_centime(value)


class CategoryWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        category = _CATEGORIES.get(str(value or "").strip().lower())
        if category is None:
            raise ValueError(
                f"{value!r} is not a cost category (one of: " + ", ".join(CostCategory.labels) + ")"
            )
        return category

    def render(self, value, obj=None, **kwargs):
        return CostCategory(value).label if value else ""


class PlanWidget(widgets.ForeignKeyWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row=row, **kwargs)
        except Exception:  # noqa: BLE001 - any lookup failure reads the same to the user
            raise ValueError(f"there is no work plan for the year {value!r}") from None


class CostLineResource(resources.ModelResource):
    plan = fields.Field(attribute="plan", column_name="year", widget=PlanWidget(WorkPlan, "year"))
    category = fields.Field(attribute="category", column_name="cost", widget=CategoryWidget())
    amount = fields.Field(attribute="amount", column_name="amount in CHF", widget=CHFWidget())
    note = fields.Field(attribute="note", column_name="notes")

    class Meta:
        model = CostLine
        fields = ("plan", "category", "amount", "note")
        import_id_fields = ("plan", "category")
        use_transactions = True
        clean_model_instances = False
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return CostLine.objects.select_related("plan").order_by("plan__year", "position", "id")

    def import_data(self, dataset, **kwargs):
        # Never keep part of a file: a row with a validation error rolls back every row.
        kwargs["rollback_on_validation_errors"] = True
        kwargs.setdefault("use_transactions", True)
        return super().import_data(dataset, **kwargs)

    def import_row(self, row, instance_loader, **kwargs):
        self._row_number = kwargs.get("row_number")
        return super().import_row(row, instance_loader, **kwargs)

    def _refuse(self, messages: list[str]):
        prefix = f"Row {self._row_number}: " if self._row_number is not None else ""
        raise ValidationError([prefix + message for message in messages])

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            problems = [
                f"{self.fields[name].column_name if name in self.fields else name}: "
                + "; ".join(str(m) for m in messages)
                for name, messages in error.message_dict.items()
            ]
            self._refuse(problems)
        user = kwargs.get("user")
        if user is not None and not access.can_edit_budget(user, instance.plan):
            self._refuse([f"you may not change the {instance.plan.year} budget."])

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors:
            return False
        if original is None or original.pk is None:
            return False
        # An exported file carries amounts in whole francs: a derived line whose rounded
        # amount is unchanged is not a change.
        if instance.category in services.derived_categories(plan=instance.plan):
            same = arithmetic.round_franc(instance.amount) == arithmetic.round_franc(
                original.amount
            )
            if same and instance.note == original.note:
                return True
            if same:
                instance.amount = original.amount
        return instance.amount == original.amount and instance.note == original.note

    def save_instance(self, instance, is_create, row, **kwargs):
        try:
            if is_create:
                saved = services.cost_line_create(
                    plan=instance.plan,
                    category=instance.category,
                    amount=instance.amount,
                    note=instance.note or "",
                )
            else:
                saved = services.cost_line_update(
                    line=instance, amount=instance.amount, note=instance.note or ""
                )
        except DomainError as error:
            self._refuse(error.messages)
        instance.pk, instance.version = saved.pk, saved.version


def cost_lines_import(*, dataset, user=None):
    """Imports cost lines from a tablib Dataset, all or nothing. Raises DomainError naming
    every bad row; returns the import result otherwise."""
    result = CostLineResource().import_data(dataset, dry_run=False, user=user)
    problems = []
    for invalid in result.invalid_rows:
        problems.extend(invalid.error.messages)
    for number, errors in result.row_errors():
        problems.extend(f"Row {number}: {error.error}" for error in errors)
    problems.extend(str(error.error) for error in result.base_errors)
    if problems:
        raise DomainError(["Nothing was imported.", *problems])
    return result
