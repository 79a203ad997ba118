import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import access
from accounts.roles import COMMITTEE_GROUP, ISU_STAFF_GROUP, Role

pytestmark = pytest.mark.django_db

EXPECTED_NAV = {
    "anonymous": ["Home"],
    "delegate_a": ["Home", "States"],
    "committee": ["Home", "States", "API"],
    "isu": ["Home", "States", "API", "Administration"],
    "admin": ["Home", "States", "API", "Administration"],
}


def _nav_labels(response):
    return [item["label"] for item in response.context["nav_items"]]


@pytest.mark.parametrize("role", EXPECTED_NAV)
def test_navigation_follows_the_role(role, role_users, client_for):
    response = client_for(role_users[role]).get(reverse("home"))
    labels = _nav_labels(response)
    # Apps of later issues add entries (work plans, meetings, invoices); these must be there and
    # nothing reserved for other roles may be.
    for label in EXPECTED_NAV[role]:
        assert label in labels
    forbidden = {"Administration", "API", "States"} - set(EXPECTED_NAV[role])
    assert not forbidden & set(labels)


def test_role_of(role_users):
    assert access.role_of(role_users["isu"]) == Role.ISU_STAFF
    assert access.role_of(role_users["committee"]) == Role.COMMITTEE
    assert access.role_of(role_users["delegate_a"]) == Role.DELEGATE
    assert access.role_of(role_users["admin"]) == Role.ADMIN
    assert access.delegate_state_id(role_users["delegate_a"]) == role_users["delegate_a"].state_id
    assert access.delegate_state_id(role_users["isu"]) is None


def test_inactive_user_has_no_role(isu_user):
    isu_user.is_active = False
    assert access.role_of(isu_user) == Role.ANONYMOUS


def test_role_questions_cost_one_query(isu_user, django_assert_num_queries):
    from accounts.models import User

    user = User.objects.get(pk=isu_user.pk)
    with django_assert_num_queries(1):
        assert access.is_isu_staff(user)
        assert not access.is_committee_member(user)
        assert access.can_edit_contacts(user)


def test_groups_exist_with_staff_permissions():
    staff = Group.objects.get(name=ISU_STAFF_GROUP)
    codenames = set(staff.permissions.values_list("codename", flat=True))
    assert {"change_state", "add_contact", "change_workplan"} <= codenames
    assert "change_user" not in codenames
    assert not Group.objects.get(name=COMMITTEE_GROUP).permissions.exists()


def test_isu_staff_reach_the_admin_but_not_users(client_for, isu_user):
    client = client_for(isu_user)
    assert client.get("/admin/parties/state/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 403
