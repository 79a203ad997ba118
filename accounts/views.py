from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.utils import timezone

from accounts import access
from parties.selectors import state_counts


class LoginView(auth_views.LoginView):
    redirect_authenticated_user = True


def home(request):
    """The landing page: what the portal is, and what the signed-in role can do from here."""
    user = request.user
    context = {
        "counts": state_counts(on=timezone.localdate()),
        "is_isu_staff": access.is_isu_staff(user),
        "is_committee_member": access.is_committee_member(user),
        "delegate_state": user.state if access.is_delegate(user) else None,
    }
    return render(request, "home.html", context)
