"""Writes to accounts: the role groups and the demo accounts of the dev set-up."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from accounts.models import User
from accounts.roles import COMMITTEE_GROUP, DELEGATES_GROUP, ISU_STAFF_GROUP
from isu_portal.errors import DomainError
from parties.models import State

# ISU staff manage the portal's own data in the admin; auth users stay with administrators.
ISU_STAFF_APPS = (
    "parties",
    "meetings",
    "workplan",
    "budget",
    "reporting",
    "contributions",
    "django_celery_beat",
)


@transaction.atomic
def groups_sync() -> dict[str, Group]:
    """Creates the role groups and gives ISU staff every permission on the portal's apps."""
    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (ISU_STAFF_GROUP, COMMITTEE_GROUP, DELEGATES_GROUP)
    }
    staff_permissions = Permission.objects.filter(content_type__app_label__in=ISU_STAFF_APPS)
    groups[ISU_STAFF_GROUP].permissions.set(staff_permissions)
    return groups


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    first_name: str
    last_name: str
    group: str
    state_iso3: str | None = None


DEMO_ACCOUNTS = [
    DemoAccount("isu", "ISU staff", "Ivana", "Staff", ISU_STAFF_GROUP),
    DemoAccount(
        "committee", "Coordination Committee member", "Carla", "Committee", COMMITTEE_GROUP
    ),
    DemoAccount(
        "delegate-fra", "Delegate of France", "Françoise", "Delegate", DELEGATES_GROUP, "FRA"
    ),
    DemoAccount(
        "delegate-lao",
        "Delegate of the Lao People's Democratic Republic",
        "Khamla",
        "Delegate",
        DELEGATES_GROUP,
        "LAO",
    ),
]


@transaction.atomic
def demo_accounts_ensure(*, password: str) -> list[DemoAccount]:
    """Creates the demo accounts (dev set-up only) or resets them to their demo state."""
    if not getattr(settings, "DEMO_ACCOUNTS", False):
        raise DomainError("demo accounts are disabled in these settings")
    groups = groups_sync()
    for account in DEMO_ACCOUNTS:
        state = State.objects.get(iso3=account.state_iso3) if account.state_iso3 else None
        user, _ = User.objects.update_or_create(
            username=account.username,
            defaults={
                "first_name": account.first_name,
                "last_name": account.last_name,
                "email": f"{account.username}@example.org",
                "state": state,
                "is_staff": account.group == ISU_STAFF_GROUP,
                "is_active": True,
            },
        )
        user.set_password(password)
        user.save()
        user.groups.set([groups[account.group]])
    return DEMO_ACCOUNTS
