"""Pages of the review: the review page (status, actions, audit trail), versions, redline
(browser and PDF annex), comment threads and the Committee member's "Awaiting my review" list.
The review is for ISU staff and the Committee only: anyone else gets 404, as if it did not
exist. Forms work as plain POSTs; every write goes through review.services."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts import access
from isu_portal.errors import DomainError
from review import selectors, services, workflow
from review.forms import CommentForm, RangeForm, ReplyForm, TransitionForm
from review.models import Comment, PlanVersion
from workplan.models import WorkPlan
from workplan.selectors import plan_for_year


def _plan(request, year: int) -> WorkPlan:
    try:
        plan = plan_for_year(year=year, user=request.user)
    except WorkPlan.DoesNotExist as exc:
        raise Http404("No such work plan") from exc
    if not access.can_view_review(request.user, plan):
        raise Http404("No such review")
    return plan


def _review_url(plan: WorkPlan, name: str = "review:overview") -> str:
    return reverse(name, args=[plan.year])


def overview(request, year: int):
    plan = _plan(request, year)
    status = selectors.review_status(plan=plan, user=request.user, with_last_reviewed=True)
    decisions = (
        selectors.decisions_on(version=status.current_version) if status.current_version else []
    )
    return render(
        request,
        "review/overview.html",
        {
            "plan": plan,
            "review": status,
            "decisions": decisions,
            "rule": workflow.endorsement_rule(),
            "form": TransitionForm(),
        },
    )


@require_POST
def transition(request, year: int, action: str):
    plan = _plan(request, year)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_review_url(plan))
    try:
        entry = services.plan_transition(
            plan=plan,
            user=request.user,
            action=action,
            reason=form.cleaned_data["reason"],
            confirm_late=form.cleaned_data["confirm_late"],
            version_number=form.cleaned_data["version"],
        )
    except DomainError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_review_url(plan))
    messages.success(
        request,
        f"{entry.get_action_display()}: the plan is now {entry.get_to_status_display().lower()}.",
    )
    return redirect(_review_url(plan))


def versions(request, year: int):
    plan = _plan(request, year)
    return render(
        request,
        "review/versions.html",
        {"plan": plan, "versions": selectors.versions_of(plan=plan), "range_form": RangeForm()},
    )


def _redline(request, plan):
    form = RangeForm(request.GET or None)
    if request.GET:
        if not form.is_valid():
            raise Http404("Choose two versions")
        old, new = form.cleaned_data["old"], form.cleaned_data["new"]
    else:
        default = selectors.default_range(plan=plan, user=request.user)
        if default is None:
            return None
        old, new = default
    try:
        return selectors.redline_between(plan=plan, old=old, new=new)
    except PlanVersion.DoesNotExist as exc:
        raise Http404("No such version") from exc


def redline(request, year: int):
    plan = _plan(request, year)
    result = _redline(request, plan)
    if result is not None:
        # Reading a redline to the current version counts as having reviewed that version.
        services.review_visit_record(plan=plan, user=request.user, version=result.new)
    show_all = request.GET.get("all") == "1"
    return render(
        request,
        "review/redline.html",
        {
            "plan": plan,
            "redline": result,
            "passages": (result.diffs if show_all else result.changes) if result else [],
            "show_all": show_all,
            "versions": selectors.versions_of(plan=plan),
        },
    )


def redline_pdf(request, year: int):
    from reporting.pdf import render_pdf

    plan = _plan(request, year)
    result = _redline(request, plan)
    if result is None:
        raise Http404("There are not two versions to compare yet")
    pdf = render_pdf(
        "documents/review_redline.html",
        {"plan": plan, "redline": result, "passages": result.changes},
        title=f"{plan.title}: changes from version {result.old.number} to {result.new.number}",
        subject="Redline annex",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"workplan-{plan.year}-redline-v{result.old.number}-v{result.new.number}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def comments(request, year: int):
    plan = _plan(request, year)
    anchors = selectors.anchor_choices(plan=plan)
    form = CommentForm(anchors=anchors)
    status = 200
    if request.method == "POST":
        if not access.can_comment_on_plan(request.user, plan):
            raise Http404("The review is closed")
        form = CommentForm(request.POST, anchors=anchors)
        if form.is_valid():
            try:
                anchor, label = selectors.anchor_resolve(
                    plan=plan, value=form.cleaned_data["anchor"]
                )
                comment = services.comment_add(
                    plan=plan,
                    user=request.user,
                    body=form.cleaned_data["body"],
                    anchor=anchor,
                    anchor_label=label,
                )
            except DomainError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, f"Your comment on {comment.anchor_label} was added.")
                return redirect(
                    reverse("review:comments", args=[plan.year]) + f"#comment-{comment.pk}"
                )
        status = 400
    return render(
        request,
        "review/comments.html",
        {
            "plan": plan,
            "threads": selectors.comment_threads(plan=plan),
            "form": form,
            "reply_form": ReplyForm(),
            "can_comment": access.can_comment_on_plan(request.user, plan),
        },
        status=status,
    )


def _comment(plan, pk) -> Comment:
    try:
        return Comment.objects.select_related("plan").get(pk=pk, plan=plan)
    except Comment.DoesNotExist as exc:
        raise Http404("No such comment") from exc


@require_POST
def comment_reply(request, year: int, pk: int):
    plan = _plan(request, year)
    parent = _comment(plan, pk)
    form = ReplyForm(request.POST)
    url = reverse("review:comments", args=[plan.year])
    if not form.is_valid():
        messages.error(request, "Write the reply.")
        return redirect(f"{url}#comment-{parent.pk}")
    try:
        reply = services.comment_add(
            plan=plan, user=request.user, body=form.cleaned_data["body"], parent=parent
        )
    except DomainError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(f"{url}#comment-{parent.pk}")
    messages.success(request, "Your reply was added.")
    return redirect(f"{url}#comment-{reply.pk}")


@require_POST
def comment_resolve(request, year: int, pk: int):
    plan = _plan(request, year)
    comment = _comment(plan, pk)
    try:
        services.comment_resolve(comment=comment, user=request.user)
    except DomainError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"The thread on {comment.anchor_label} is resolved.")
    return redirect(reverse("review:comments", args=[plan.year]) + f"#comment-{comment.pk}")


def awaiting(request):
    if not access.can_view_review(request.user):
        raise Http404("No such page")
    return render(
        request,
        "review/awaiting.html",
        {
            "items": selectors.awaiting_review(user=request.user),
            "is_member": access.is_committee_member(request.user),
        },
    )
