"""Pages of work plans: the list, the plan read like the document, and in-place editing.

Every editing view works as a plain form POST (redirect to the plan page) and with htmx (the
plan's document fragment is re-rendered, so that every number and letter follows at once)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from accounts import access
from budget.selectors import budget_section
from isu_portal.errors import DomainError
from workplan import selectors, services
from workplan.forms import CopyPlanForm, MoveForm, NewPartForm, PartForm
from workplan.models import (
    Outcome,
    Output,
    Paragraph,
    Section,
    SubSection,
    SummaryKind,
    WorkPlan,
)
from workplan.parts import KINDS, PartKind


def can_see_history(user) -> bool:
    return access.is_isu_staff(user) or access.is_committee_member(user)


def _visible_plan(request, year: int) -> WorkPlan:
    try:
        return selectors.plan_for_year(year=year, user=request.user)
    except WorkPlan.DoesNotExist as exc:
        raise Http404("No such work plan") from exc


def _editable_plan(request, year: int) -> WorkPlan:
    plan = _visible_plan(request, year)
    if not access.can_edit_workplan(request.user, plan):
        raise PermissionDenied("Only ISU staff edit, and only a draft.")
    return plan


def _kind(slug: str) -> PartKind:
    try:
        return KINDS[slug]
    except KeyError as exc:
        raise Http404("No such part of a plan") from exc


def _part(plan: WorkPlan, kind: PartKind, pk: int):
    try:
        return kind.model.objects.get(pk=pk, **{kind.plan_path: plan})
    except kind.model.DoesNotExist as exc:
        raise Http404(f"No such {kind.label} in this plan") from exc


def _document_context(request, plan: WorkPlan) -> dict:
    document = selectors.plan_document(plan=plan)
    budget = budget_section(plan=plan)
    return {
        "plan": plan,
        "document": document,
        "budget": budget,
        "budget_total": budget["total"],
        "can_edit": access.can_edit_workplan(request.user, plan),
        "can_see_history": can_see_history(request.user),
        # Links of the parts are built from this prefix (reversing thousands of URLs is slow).
        "plan_base_url": reverse("workplan:detail", args=[plan.year]),
    }


def _document_response(request, plan: WorkPlan, *, status: int = 200):
    """After an htmx change: the re-rendered document, swapped in place of the old one."""
    context = _document_context(request, plan) | {"fragment": True}
    response = render(request, "workplan/_document.html", context, status=status)
    response = retarget(response, "#plan-document")
    return reswap(response, "outerHTML")


def _done(request, plan: WorkPlan, message: str, *, anchor: str = ""):
    messages.success(request, message)
    if request.htmx:
        return _document_response(request, plan)
    return redirect(reverse("workplan:detail", args=[plan.year]) + (f"#{anchor}" if anchor else ""))


# --- reading ---------------------------------------------------------------------------------


def plan_list(request):
    plans = list(selectors.plans_visible(user=request.user))
    years = {plan.year for plan in plans}
    copyable = (
        [plan for plan in plans if plan.year + 1 not in years]
        if access.can_create_workplan(request.user)
        else []
    )
    return render(
        request,
        "workplan/plan_list.html",
        {"plans": plans, "copyable": copyable, "copy_form": CopyPlanForm()},
    )


def plan_detail(request, year: int):
    plan = _visible_plan(request, year)
    context = _document_context(request, plan)
    if request.htmx and request.GET.get("fragment"):
        return render(request, "workplan/_document.html", context | {"fragment": True})
    return render(request, "workplan/plan_detail.html", context)


@require_POST
def plan_copy(request):
    if not access.can_create_workplan(request.user):
        raise PermissionDenied
    form = CopyPlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose the plan to copy.")
        return redirect("workplan:list")
    source = _visible_plan(request, form.cleaned_data["source_year"])
    try:
        plan = services.plan_copy_to_next_year(source=source, user=request.user)
    except DomainError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("workplan:list")
    messages.success(request, f"The {plan.year} draft was created from the {source.year} plan.")
    return redirect("workplan:detail", year=plan.year)


# --- editing ---------------------------------------------------------------------------------


def _form_page(request, *, plan, kind, form, part=None, parent_label="", status=200, action=""):
    context = {
        "plan": plan,
        "kind": kind,
        "form": form,
        "part": part,
        "parent_label": parent_label,
        "action": action,
    }
    template = "workplan/_part_form.html" if request.htmx else "workplan/part_form.html"
    return render(request, template, context, status=status)


def _tag_initial(part) -> dict:
    return {
        "articles": ", ".join(str(a.number) for a in part.articles.all()),
        "lap_actions": ", ".join(str(a.number) for a in part.lap_actions.all()),
    }


def part_edit(request, year: int, kind: str, pk: int):
    kind = _kind(kind)
    plan = _editable_plan(request, year)
    part = _part(plan, kind, pk)
    action = reverse("workplan:part-edit", args=[plan.year, kind.slug, part.pk])
    if request.method != "POST":
        initial = {"text": part.text, "version": part.version}
        if kind.taggable:
            initial |= _tag_initial(part)
        form = PartForm(initial=initial, taggable=kind.taggable, label=kind.label)
        return _form_page(request, plan=plan, kind=kind, form=form, part=part, action=action)
    form = PartForm(request.POST, taggable=kind.taggable, label=kind.label)
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        tags = (
            {"articles": data["articles"], "lap_actions": data["lap_actions"]}
            if kind.taggable
            else {}
        )
        try:
            services.part_update(
                part=part, text=data["text"], version=data["version"], user=request.user, **tags
            )
        except DomainError as error:
            for message in error.messages:
                form.add_error(None, message)
            if error.field == "version":
                status = 409
                part.refresh_from_db()
        else:
            return _done(request, plan, f"The {kind.label} was saved.", anchor=f"{kind.slug}-{pk}")
    return _form_page(
        request, plan=plan, kind=kind, form=form, part=part, status=status, action=action
    )


def _parent(plan: WorkPlan, kind: PartKind, ref: str):
    """The container a new part goes into, from a reference like "section-3" or "output-9"."""
    name, _, value = ref.partition("-")
    lookups = {
        ("paragraph", "section"): (Section, {"plan": plan}),
        ("paragraph", "subsection"): (SubSection, {"section__plan": plan}),
        ("item", "paragraph"): (Paragraph, {"section__plan": plan}),
        ("output", "outcome"): (Outcome, {"plan": plan}),
        ("activity", "output"): (Output, {"outcome__plan": plan}),
    }
    if kind.slug == "outcome" and ref == "plan":
        return plan, "the results table"
    if kind.slug == "summary" and name == "summary" and value in SummaryKind.values:
        return plan, SummaryKind(value).label.lower() + "s"
    if (kind.slug, name) not in lookups or not value.isdigit():
        raise Http404("No such place in this plan")
    model, scope = lookups[(kind.slug, name)]
    try:
        parent = model.objects.get(pk=int(value), **scope)
    except model.DoesNotExist as exc:
        raise Http404("No such place in this plan") from exc
    return parent, str(parent)


def part_create(request, year: int, kind: str, parent: str):
    kind = _kind(kind)
    plan = _editable_plan(request, year)
    container, parent_label = _parent(plan, kind, parent)
    action = reverse("workplan:part-create", args=[plan.year, kind.slug, parent])
    if request.method != "POST":
        form = NewPartForm(taggable=kind.taggable, label=kind.label)
        return _form_page(
            request, plan=plan, kind=kind, form=form, parent_label=parent_label, action=action
        )
    form = NewPartForm(request.POST, taggable=kind.taggable, label=kind.label)
    if form.is_valid():
        data = form.cleaned_data
        extra = (
            {"articles": data["articles"], "lap_actions": data["lap_actions"]}
            if kind.taggable
            else {}
        )
        if kind.slug == "summary":
            extra["summary_kind"] = parent.partition("-")[2]
        try:
            part = services.part_create(
                kind=kind,
                parent=container,
                text=data["text"],
                position=data["position"],
                user=request.user,
                **extra,
            )
        except DomainError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            return _done(
                request, plan, f"The {kind.label} was added.", anchor=f"{kind.slug}-{part.pk}"
            )
    return _form_page(
        request,
        plan=plan,
        kind=kind,
        form=form,
        parent_label=parent_label,
        status=400,
        action=action,
    )


def part_delete(request, year: int, kind: str, pk: int):
    kind = _kind(kind)
    plan = _editable_plan(request, year)
    part = _part(plan, kind, pk)
    if request.method != "POST":
        return render(
            request, "workplan/part_delete.html", {"plan": plan, "kind": kind, "part": part}
        )
    version = request.POST.get("version") or None
    try:
        services.part_delete(
            part=part, user=request.user, version=int(version) if version else None
        )
    except (DomainError, ValueError) as error:
        return _refused(request, plan, error)
    return _done(request, plan, f"The {kind.label} was deleted.")


def _refused(request, plan, error):
    for message in getattr(error, "messages", [str(error)]):
        messages.error(request, message)
    if request.htmx:
        return _document_response(request, plan, status=400)
    return redirect("workplan:detail", year=plan.year)


@require_POST
def part_move(request, year: int, kind: str, pk: int):
    kind = _kind(kind)
    plan = _editable_plan(request, year)
    part = _part(plan, kind, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _refused(request, plan, DomainError("Give the position to move to, as a number."))
    try:
        services.part_move(
            part=part,
            position=form.cleaned_data["position"],
            version=form.cleaned_data["version"],
            user=request.user,
        )
    except DomainError as error:
        return _refused(request, plan, error)
    return _done(
        request,
        plan,
        f"The {kind.label} was moved to position {form.cleaned_data['position']}.",
        anchor=f"{kind.slug}-{pk}",
    )


def part_history(request, year: int, kind: str, pk: int):
    kind = _kind(kind)
    plan = _visible_plan(request, year)
    if not can_see_history(request.user):
        raise Http404("No such history")
    history = (
        kind.model.history.filter(id=pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    if not kind.model.objects.filter(pk=pk, **{kind.plan_path: plan}).exists():
        raise Http404(f"No such {kind.label} in this plan")
    records = list(history)
    changes = []
    previous = None
    for record in records:
        changes.append(
            {
                "record": record,
                "before": previous.text if previous is not None else "",
                "after": record.text if record.history_type != "-" else "",
                "text_changed": previous is None or previous.text != record.text,
                "position_before": previous.position if previous is not None else None,
            }
        )
        previous = record
    changes.reverse()
    template = "workplan/_part_history.html" if request.htmx else "workplan/part_history.html"
    return render(request, template, {"plan": plan, "kind": kind, "pk": pk, "changes": changes})
