from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts import access
from isu_portal.errors import DomainError
from parties import selectors, services
from parties.forms import ContactForm, StateFilterForm
from parties.models import Contact, State


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@login_required
def state_list(request):
    _require(access.can_view_states(request.user))
    form = StateFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    states = list(
        selectors.state_list(
            status=filters.get("status", ""),
            region=filters.get("region", ""),
            search=filters.get("q", ""),
            on=today,
        )
    )
    rows = [(state, state.status_on(today)) for state in states]
    return render(request, "parties/state_list.html", {"form": form, "rows": rows, "today": today})


@login_required
def state_detail(request, iso3: str):
    _require(access.can_view_states(request.user))
    try:
        state = selectors.state_detail(iso3=iso3)
    except State.DoesNotExist as exc:
        raise Http404("No such State") from exc
    today = timezone.localdate()
    context = {
        "state": state,
        "status": state.status_on(today),
        "contacts": list(state.contacts.all())
        if access.can_view_contacts(request.user, state)
        else None,
        "can_edit_contacts": access.can_edit_contacts(request.user, state),
    }
    return render(request, "parties/state_detail.html", context)


def _contact_form_page(request, *, state: State, contact: Contact | None):
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        data = {field: form.cleaned_data[field] for field in ContactForm.Meta.fields}
        try:
            if contact is None:
                services.contact_create(state=state, **data)
                messages.success(request, f"Contact {data['name']} added.")
            else:
                services.contact_update(contact=Contact.objects.get(pk=contact.pk), **data)
                messages.success(request, f"Contact {data['name']} saved.")
        except DomainError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            return redirect("parties:state-detail", iso3=state.iso3)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "parties/contact_form.html",
        {"form": form, "state": state, "contact": contact},
        status=status,
    )


@login_required
def contact_create(request, iso3: str):
    state = get_object_or_404(State, iso3=iso3.upper())
    _require(access.can_edit_contacts(request.user, state))
    return _contact_form_page(request, state=state, contact=None)


@login_required
def contact_edit(request, iso3: str, pk: int):
    contact = get_object_or_404(
        Contact.objects.select_related("state"), pk=pk, state__iso3=iso3.upper()
    )
    _require(access.can_edit_contacts(request.user, contact.state))
    return _contact_form_page(request, state=contact.state, contact=contact)


@login_required
@require_POST
def contact_delete(request, iso3: str, pk: int):
    contact = get_object_or_404(
        Contact.objects.select_related("state"), pk=pk, state__iso3=iso3.upper()
    )
    _require(access.can_edit_contacts(request.user, contact.state))
    services.contact_delete(contact=contact)
    messages.success(request, f"Contact {contact.name} removed.")
    return redirect("parties:state-detail", iso3=contact.state.iso3)
