from django.urls import NoReverseMatch, reverse

from accounts import access
from accounts.roles import ROLE_LABELS, Role

# (label, url name, roles that see it). Entries whose URL does not resolve are left out, so that
# apps can be added without touching this list's callers.
NAVIGATION = [
    ("Home", "home", set(Role)),
    ("Work plans", "workplan:list", set(Role)),
    ("Budgets", "budget:overview", set(Role)),
    ("Awaiting my review", "review:awaiting", {Role.COMMITTEE}),
    ("Meetings", "meetings:list", set(Role)),
    ("States", "parties:state-list", {Role.DELEGATE, Role.COMMITTEE, Role.ISU_STAFF, Role.ADMIN}),
    ("Invoices", "contributions:invoice-list", {Role.DELEGATE, Role.ISU_STAFF, Role.ADMIN}),
    ("Contributions", "contributions:overview", {Role.ISU_STAFF, Role.ADMIN}),
    ("API", "api-docs", {Role.COMMITTEE, Role.ISU_STAFF, Role.ADMIN}),
    ("Administration", "admin:index", {Role.ISU_STAFF, Role.ADMIN}),
]


def navigation(request):
    role = access.role_of(request.user)
    items = []
    for label, url_name, roles in NAVIGATION:
        if role not in roles:
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "current": request.path == url})
    return {"nav_items": items, "user_role": role, "user_role_label": ROLE_LABELS[role]}
