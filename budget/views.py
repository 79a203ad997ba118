"""Budget pages. Reads go through selectors, writes through services; every form works as a
plain POST (redirect back to the page) and, with htmx, re-renders the budget in place so the
total, the derived lines and the summary figure follow at once."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_http_methods, require_POST

from accounts import access
from budget import selectors, services
from budget.export import budget_workbook
from budget.forms import (
    BudgetNoteCreateForm,
    BudgetNoteForm,
    CostLineCreateForm,
    CostLineForm,
    DeleteForm,
    EnvelopeForm,
    InKindCreateForm,
    InKindForm,
    MoveForm,
    ParametersForm,
    StaffPositionEditForm,
    StaffPositionForm,
)
from budget.history import history_rows
from budget.models import (
    BudgetNote,
    BudgetParameters,
    CostCategory,
    CostLine,
    InKindContribution,
    StaffPosition,
)
from isu_portal.errors import DomainError


def _plan(request, year: int, *, edit: bool = False):
    """The plan of `year` if the visitor may see it (404 otherwise, so drafts stay unseen),
    and may edit it when `edit` (403)."""
    from workplan.models import WorkPlan

    plan = WorkPlan.objects.filter(year=year).first()
    if plan is None or not access.can_view_budget(request.user, plan):
        raise Http404("No such budget")
    if edit and not access.can_edit_budget(request.user, plan):
        raise PermissionDenied
    return plan


def _plan_url(plan) -> str | None:
    try:
        return reverse("workplan:detail", kwargs={"year": plan.year})
    except NoReverseMatch:
        return None


def _previous_visible(request, plan):
    previous = selectors.previous_plan(plan=plan)
    if previous is not None and not access.can_view_budget(request.user, previous):
        return None
    return previous


def _page_context(request, plan) -> dict[str, Any]:
    previous = _previous_visible(request, plan)
    budget = selectors.budget_page(plan=plan, previous=previous)
    missing = [
        value
        for value in CostCategory.values
        if value not in {line.category for line in budget["lines"]}
    ]
    can_edit = access.can_edit_budget(request.user, plan)
    return {
        "plan": plan,
        "budget": budget,
        "can_edit": can_edit,
        "plan_url": _plan_url(plan),
        "line_create_form": CostLineCreateForm(available=missing) if can_edit and missing else None,
        "position_create_form": StaffPositionForm(prefix="new-position") if can_edit else None,
        "in_kind_create_form": InKindCreateForm(prefix="new-in-kind") if can_edit else None,
        "parameters_form": _parameters_form(budget["parameters"]) if can_edit else None,
    }


def _parameters_form(parameters: BudgetParameters | None, data=None) -> ParametersForm:
    initial = {"long_haul_flights": 0, "short_or_medium_haul_flights": 0, "flight_class": "economy"}
    if parameters is not None:
        initial = {
            "version": parameters.version,
            "social_charges_rate": ""
            if parameters.social_charges_rate is None
            else f"{parameters.social_charges_rate.normalize():f}",
            "long_haul_flights": parameters.long_haul_flights,
            "short_or_medium_haul_flights": parameters.short_or_medium_haul_flights,
            "flight_class": parameters.flight_class,
        }
    return ParametersForm(data, initial=initial, prefix="parameters")


def _editor(request, plan, *, notice: str = "") -> HttpResponse:
    context = {**_page_context(request, plan), "notice": notice}
    return render(request, "budget/_editor.html", context)


def _after_write(request, plan, message: str) -> HttpResponse:
    if request.htmx:
        return _editor(request, plan, notice=message)
    messages.success(request, message)
    return redirect("budget:detail", year=plan.year)


def budget_detail(request, year: int):
    plan = _plan(request, year)
    return render(request, "budget/detail.html", _page_context(request, plan))


# --- editing one item: a line, a position, a note or assumption, a contribution in kind ----


class Editing(ABC):
    """How one kind of budget item is edited on the page: its form, its row, its services."""

    model: type
    form: type
    row_template: str
    noun: str

    @abstractmethod
    def label(self, item) -> str: ...

    @abstractmethod
    def initial(self, item) -> dict: ...

    @abstractmethod
    def save(self, item, data: dict, version: int): ...

    @abstractmethod
    def delete(self, item, version: int | None) -> None: ...


class LineEditing(Editing):
    model, form, row_template, noun = (
        CostLine,
        CostLineForm,
        "budget/_line_row.html",
        "cost line",
    )

    def label(self, item):
        return item.get_category_display()

    def initial(self, item):
        return {"amount": f"{item.amount:f}", "note": item.note}

    def save(self, item, data, version):
        return services.cost_line_update(
            line=item, amount=data["amount"], note=data["note"], expected_version=version
        )

    def delete(self, item, version):
        services.cost_line_delete(line=item, expected_version=version)


class PositionEditing(Editing):
    model, form, row_template, noun = (
        StaffPosition,
        StaffPositionEditForm,
        "budget/_position_row.html",
        "position",
    )

    def label(self, item):
        return item.title

    def initial(self, item):
        return {
            "title": item.title,
            "share_of_time": f"{item.share_of_time.normalize():f}",
            "annual_cost": "" if item.annual_cost is None else f"{item.annual_cost:f}",
        }

    def save(self, item, data, version):
        return services.staff_position_update(
            position=item,
            title=data["title"],
            share_of_time=data["share_of_time"],
            annual_cost=data["annual_cost"],
            expected_version=version,
        )

    def delete(self, item, version):
        services.staff_position_delete(position=item, expected_version=version)


class NoteEditing(Editing):
    model, form, row_template, noun = (
        BudgetNote,
        BudgetNoteForm,
        "budget/_note_item.html",
        "note",
    )

    def label(self, item):
        return item.get_kind_display().lower()

    def initial(self, item):
        return {"text": item.text}

    def save(self, item, data, version):
        return services.budget_note_update(note=item, text=data["text"], expected_version=version)

    def delete(self, item, version):
        services.budget_note_delete(note=item, expected_version=version)


class InKindEditing(Editing):
    model, form, row_template, noun = (
        InKindContribution,
        InKindForm,
        "budget/_in_kind_row.html",
        "contribution in kind",
    )

    def label(self, item):
        return item.item

    def initial(self, item):
        return {"item": item.item, "provider": item.provider, "description": item.description}

    def save(self, item, data, version):
        return services.in_kind_update(
            contribution=item,
            item=data["item"],
            provider=data["provider"],
            description=data["description"],
            expected_version=version,
        )

    def delete(self, item, version):
        services.in_kind_delete(contribution=item, expected_version=version)


EDITING: dict[str, Editing] = {
    "lines": LineEditing(),
    "positions": PositionEditing(),
    "notes": NoteEditing(),
    "in-kind": InKindEditing(),
}


def _item(plan, kind: str, pk: int):
    editing = EDITING.get(kind)
    if editing is None:
        raise Http404("No such kind of budget item")
    item = editing.model.objects.filter(plan=plan, pk=pk).first()
    if item is None:
        raise Http404("No such budget item")
    return editing, item


def _prepare(form, item) -> None:
    """Keyboard users land in the form; a computed amount is shown but cannot be typed."""
    first = next(iter(name for name, field in form.fields.items() if not field.widget.is_hidden))
    form.fields[first].widget.attrs["autofocus"] = True
    if isinstance(item, CostLine) and item.category in services.derived_categories(plan=item.plan):
        amount = form.fields["amount"]
        amount.widget.attrs["readonly"] = True
        amount.help_text = (
            "Computed as a rate of salaries: change the rate below the table."
            if item.category == CostCategory.SOCIAL_CHARGES
            else "The sum of the costed positions: change their costs under Staffing."
        )


def _edit_response(request, plan, editing, item, form, *, status=200):
    _prepare(form, item)
    context = {
        "plan": plan,
        "item": item,
        "form": form,
        "kind": next(k for k, e in EDITING.items() if e is editing),
        "label": editing.label(item),
        "noun": editing.noun,
        "editing": True,
        "can_edit": True,
        "columns": 6 if _previous_visible(request, plan) else 3,
    }
    if request.htmx:
        response = render(request, editing.row_template, context)
        # htmx does not swap error answers; the row is re-targeted with its messages instead.
        response["HX-Retarget"] = f"#{context['kind']}-{item.pk}"
        response["HX-Reswap"] = "outerHTML"
        return response
    return render(request, "budget/item_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def item_edit(request, year: int, kind: str, pk: int):
    plan = _plan(request, year, edit=True)
    editing, item = _item(plan, kind, pk)
    if request.method == "GET":
        form = editing.form(initial={**editing.initial(item), "version": item.version})
        return _edit_response(request, plan, editing, item, form)
    form = editing.form(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            saved = editing.save(item, data, data["version"])
        except DomainError as error:
            for message in error.messages:
                form.add_error(None, message)
            # Show the newer version so that saving again is a deliberate choice.
            fresh = editing.model.objects.filter(pk=item.pk).first()
            if fresh is not None and fresh.version != data["version"]:
                values = form.data.copy()
                values["version"] = fresh.version
                form.data = values
            return _edit_response(request, plan, editing, item, form, status=400)
        return _after_write(request, plan, f"{editing.label(saved)} saved.")
    return _edit_response(request, plan, editing, item, form, status=400)


def _refuse(request, plan, error: DomainError) -> HttpResponse:
    """A write that failed as a whole: the message, and nothing changed."""
    if request.htmx:
        # htmx does not swap error answers, so the alert is a 200 aimed at the alert area.
        response = render(request, "budget/_alerts.html", {"errors": error.messages})
        response["HX-Retarget"] = "#budget-alerts"
        response["HX-Reswap"] = "innerHTML"
        return response
    context = _page_context(request, plan)
    context["errors"] = error.messages
    return render(request, "budget/detail.html", context, status=400)


@require_POST
def item_delete(request, year: int, kind: str, pk: int):
    plan = _plan(request, year, edit=True)
    editing, item = _item(plan, kind, pk)
    form = DeleteForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else None
    label = editing.label(item)
    try:
        editing.delete(item, version)
    except DomainError as error:
        return _refuse(request, plan, error)
    return _after_write(request, plan, f"{label[:1].upper()}{label[1:]} removed.")


@require_POST
def note_move(request, year: int, pk: int):
    plan = _plan(request, year, edit=True)
    _, note = _item(plan, "notes", pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _refuse(request, plan, DomainError("Choose a place in the list."))
    try:
        services.budget_note_move(
            note=note, to=form.cleaned_data["to"], expected_version=form.cleaned_data["version"]
        )
    except DomainError as error:
        return _refuse(request, plan, error)
    return _after_write(request, plan, f"{note.get_kind_display()} moved.")


# --- adding -------------------------------------------------------------------------------


def _form_errors(form) -> DomainError:
    messages_ = []
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages_.extend(f"{label}: {error}" if label else error for error in errors)
    return DomainError(messages_)


@require_POST
def line_create(request, year: int):
    plan = _plan(request, year, edit=True)
    form = CostLineCreateForm(request.POST)
    if not form.is_valid():
        return _refuse(request, plan, _form_errors(form))
    try:
        line = services.cost_line_create(plan=plan, **form.cleaned_data)
    except DomainError as error:
        return _refuse(request, plan, error)
    return _after_write(request, plan, f"{line.get_category_display()} added.")


@require_POST
def position_create(request, year: int):
    plan = _plan(request, year, edit=True)
    form = StaffPositionForm(request.POST, prefix="new-position")
    if not form.is_valid():
        return _refuse(request, plan, _form_errors(form))
    try:
        position = services.staff_position_create(plan=plan, **form.cleaned_data)
    except DomainError as error:
        return _refuse(request, plan, error)
    return _after_write(request, plan, f"{position.title} added.")


@require_POST
def in_kind_create(request, year: int):
    plan = _plan(request, year, edit=True)
    form = InKindCreateForm(request.POST, prefix="new-in-kind")
    if not form.is_valid():
        return _refuse(request, plan, _form_errors(form))
    try:
        item = services.in_kind_create(plan=plan, **form.cleaned_data)
    except DomainError as error:
        return _refuse(request, plan, error)
    return _after_write(request, plan, f"{item.item} added.")


@require_POST
def note_create(request, year: int):
    plan = _plan(request, year, edit=True)
    form = BudgetNoteCreateForm(request.POST)
    if not form.is_valid():
        return _refuse(request, plan, _form_errors(form))
    try:
        note = services.budget_note_create(plan=plan, **form.cleaned_data)
    except DomainError as error:
        return _refuse(request, plan, error)
    return _after_write(request, plan, f"{note.get_kind_display()} added.")


@require_POST
def parameters_edit(request, year: int):
    plan = _plan(request, year, edit=True)
    form = _parameters_form(None, request.POST)
    if not form.is_valid():
        return _refuse(request, plan, _form_errors(form))
    try:
        services.budget_parameters_update(plan=plan, **_parameters_data(form.cleaned_data))
    except DomainError as error:
        return _refuse(request, plan, error)
    return _after_write(request, plan, "Social charges rate and travel plan saved.")


def _parameters_data(data: dict) -> dict:
    return {
        "social_charges_rate": data["social_charges_rate"],
        "long_haul_flights": data["long_haul_flights"],
        "short_or_medium_haul_flights": data["short_or_medium_haul_flights"],
        "flight_class": data["flight_class"],
        "expected_version": data.get("version"),
    }


# --- history and export -------------------------------------------------------------------


def item_history(request, year: int, kind: str, pk: int):
    plan = _plan(request, year)
    editing, item = _item(plan, kind, pk)
    return render(
        request,
        "budget/history.html",
        {
            "plan": plan,
            "item": item,
            "label": editing.label(item),
            "noun": editing.noun,
            "rows": history_rows(item),
        },
    )


def budget_export(request, year: int):
    plan = _plan(request, year)
    previous = _previous_visible(request, plan)
    content = budget_workbook(plan=plan, previous=previous)
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="isu-budget-{plan.year}.xlsx"'
    return response


# --- every year side by side --------------------------------------------------------------


def budget_overview(request):
    from workplan.models import WorkPlan

    plans = [p for p in WorkPlan.objects.all() if access.can_view_budget(request.user, p)]
    can_edit = access.can_edit_budget_envelope(request.user)
    context = {
        "overview": selectors.budget_overview(plans=plans),
        "can_edit_envelope": can_edit,
    }
    return render(request, "budget/overview.html", context)


@require_POST
def envelope_set(request):
    if not access.can_edit_budget_envelope(request.user):
        raise PermissionDenied
    form = EnvelopeForm(request.POST)
    try:
        if not form.is_valid():
            raise _form_errors(form)
        services.budget_envelope_set(
            year=form.cleaned_data["year"],
            amount=form.cleaned_data["amount"],
            expected_version=form.cleaned_data.get("version"),
        )
    except DomainError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("budget:overview")
    messages.success(request, f"Envelope {form.cleaned_data['year']} saved.")
    return redirect("budget:overview")
