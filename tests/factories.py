"""factory_boy factories for every app; tests build their data from these or the seed commands."""

from datetime import date
from decimal import Decimal

import factory
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import COMMITTEE_GROUP, DELEGATES_GROUP, ISU_STAFF_GROUP
from budget.models import CostCategory, CostLine
from meetings.models import Meeting, MeetingKind
from parties.models import ConsentType, Contact, ContactKind, Region, State
from workplan.models import WorkPlan

TEST_PASSWORD = "correct-horse-battery"  # noqa: S105


class StateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = State
        django_get_or_create = ("iso3",)

    name = factory.Sequence(lambda n: f"Republic of Testland {n}")
    iso3 = factory.Sequence(lambda n: f"Q{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    region = Region.EUROPE
    signature_date = date(2008, 12, 3)
    consent_date = date(2010, 3, 1)
    consent_type = ConsentType.RATIFICATION


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    state = factory.SubFactory(StateFactory)
    kind = ContactKind.MISSION
    name = factory.Sequence(lambda n: f"Contact {n}")
    email = factory.Sequence(lambda n: f"contact{n}@example.org")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User{n}")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    group = factory.PostGeneration(
        lambda user, create, extracted, **kw: _join(user, create, extracted)
    )


def _join(user, create, group_name):
    """Saves the user (after set_password) and adds them to the role group, if any."""
    if not create:
        return
    user.save()
    if group_name:
        user.groups.add(Group.objects.get_or_create(name=group_name)[0])


def _role_group(default):
    return factory.PostGeneration(
        lambda user, create, extracted, **kw: _join(user, create, extracted or default)
    )


class ISUStaffFactory(UserFactory):
    is_staff = True
    group = _role_group(ISU_STAFF_GROUP)


class CommitteeMemberFactory(UserFactory):
    group = _role_group(COMMITTEE_GROUP)


class DelegateFactory(UserFactory):
    state = factory.SubFactory(StateFactory)
    group = _role_group(DELEGATES_GROUP)


class AdminFactory(UserFactory):
    is_staff = True
    is_superuser = True


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        django_get_or_create = ("short_name",)

    kind = MeetingKind.MSP
    number = factory.Sequence(lambda n: 20 + n)
    title = factory.LazyAttribute(lambda m: f"Meeting of States Parties {m.number}")
    short_name = factory.LazyAttribute(lambda m: f"{m.number}MSP")
    city = "Geneva"
    start_date = date(2024, 9, 10)
    end_date = date(2024, 9, 13)


class WorkPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPlan
        django_get_or_create = ("year",)

    year = factory.Sequence(lambda n: 2030 + n)
    title = factory.LazyAttribute(
        lambda p: f"Implementation Support Unit {p.year} Work Plan and Budget"
    )
    symbol = factory.LazyAttribute(lambda p: f"CCM/MSP/{p.year - 1}/3")
    document_date = factory.LazyAttribute(lambda p: date(p.year - 1, 6, 14))
    meeting = factory.SubFactory(MeetingFactory)


class CostLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CostLine

    plan = factory.SubFactory(WorkPlanFactory)
    category = CostCategory.COMMUNICATION
    amount = Decimal("20000.00")
    note = "Website maintenance, promotional material, publications, consultancies, etc."
