"""Import and export (django-import-export) of the paragraphs and of the results table.

An import is all or nothing: every row is validated (text present and not too long, the plan a
draft, the version the one exported, tags known), and if any row is refused the whole file is
rolled back and the refused rows are named. Saved rows get a new version and a history record.
"""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from workplan.models import (
    TEXT_MAX_LENGTH,
    Activity,
    ConventionArticle,
    LapAction,
    Outcome,
    Output,
    Paragraph,
    PlanStatus,
    Section,
    SubSection,
    WorkPlan,
)
from workplan.parts import kind_of


class NumbersWidget(widgets.ManyToManyWidget):
    """Tags written as their numbers ("3, 4"); an unknown number refuses the row."""

    def clean(self, value, row=None, **kwargs):
        if not value:
            return self.model.objects.none()
        numbers = []
        for piece in str(value).replace(";", ",").split(","):
            piece = piece.strip().removesuffix(".0")
            if not piece:
                continue
            if not piece.isdigit():
                raise ValueError(f"{piece!r} is not a number")
            numbers.append(int(piece))
        found = self.model.objects.filter(number__in=numbers)
        missing = set(numbers) - {tag.number for tag in found}
        if missing:
            label = self.model._meta.verbose_name
            raise ValueError(f"unknown {label} {', '.join(str(n) for n in sorted(missing))}")
        return found


class _PartResource(resources.ModelResource):
    def import_data(self, dataset, *args, **kwargs):
        # All or nothing, whatever the caller asks: one refused row rolls the whole file back.
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, *args, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        instance.text = (instance.text or "").strip()
        if not instance.text:
            errors["text"] = "The text is required."
        elif len(instance.text) > TEXT_MAX_LENGTH:
            errors["text"] = f"The text is longer than {TEXT_MAX_LENGTH} characters."
        try:
            plan = WorkPlan.objects.get(pk=kind_of(instance).plan_id_of(instance))
        except (WorkPlan.DoesNotExist, AttributeError, ValueError, Exception):  # noqa: BLE001
            plan = None
        if plan is not None and plan.status != PlanStatus.DRAFT:
            errors.setdefault("__all__", f"The {plan.year} plan is not a draft.")
        if instance.pk:
            current = (
                type(instance).objects.filter(pk=instance.pk).values_list("version", flat=True)
            )
            current = current.first()
            if current is not None and instance.version and int(instance.version) != current:
                errors["version"] = (
                    f"The row was changed since it was exported (version {instance.version}, "
                    f"now {current})."
                )
        if errors:
            raise ValidationError(errors)
        super().validate_instance(instance, None, validate_unique)

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk:
            current = (
                type(instance).objects.filter(pk=instance.pk).values_list("version", flat=True)
            )
            instance.version = (current.first() or 0) + 1
        else:
            instance.version = 1
        instance._history_user = kwargs.get("user")
        instance._change_reason = "imported"


class ParagraphResource(_PartResource):
    plan = fields.Field(attribute="section__plan__year", column_name="plan", readonly=True)
    section = fields.Field(
        attribute="section", column_name="section", widget=widgets.ForeignKeyWidget(Section)
    )
    subsection = fields.Field(
        attribute="subsection",
        column_name="subsection",
        widget=widgets.ForeignKeyWidget(SubSection),
    )

    class Meta:
        model = Paragraph
        fields = ("id", "plan", "section", "subsection", "position", "text", "version")
        export_order = fields
        skip_unchanged = True
        report_skipped = True

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if instance.subsection_id and instance.subsection.section_id != instance.section_id:
            errors["subsection"] = "The sub-section belongs to another section."
        super().validate_instance(instance, errors, validate_unique)


class OutcomeResource(_PartResource):
    plan = fields.Field(
        attribute="plan", column_name="plan", widget=widgets.ForeignKeyWidget(WorkPlan, "year")
    )

    class Meta:
        model = Outcome
        fields = ("id", "plan", "position", "text", "version")
        export_order = fields
        skip_unchanged = True
        report_skipped = True


class OutputResource(_PartResource):
    plan = fields.Field(attribute="outcome__plan__year", column_name="plan", readonly=True)
    outcome = fields.Field(
        attribute="outcome", column_name="outcome", widget=widgets.ForeignKeyWidget(Outcome)
    )

    class Meta:
        model = Output
        fields = ("id", "plan", "outcome", "position", "text", "version")
        export_order = fields
        skip_unchanged = True
        report_skipped = True


class ActivityResource(_PartResource):
    plan = fields.Field(attribute="output__outcome__plan__year", column_name="plan", readonly=True)
    output = fields.Field(
        attribute="output", column_name="output", widget=widgets.ForeignKeyWidget(Output)
    )
    articles = fields.Field(
        attribute="articles",
        column_name="articles",
        widget=NumbersWidget(ConventionArticle, field="number"),
    )
    lap_actions = fields.Field(
        attribute="lap_actions",
        column_name="lap_actions",
        widget=NumbersWidget(LapAction, field="number"),
    )

    class Meta:
        model = Activity
        fields = ("id", "plan", "output", "position", "text", "articles", "lap_actions", "version")
        export_order = fields
        skip_unchanged = True
        report_skipped = True
