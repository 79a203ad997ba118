import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import (
    CommitteeMemberFactory,
    ContactFactory,
    ISUStaffFactory,
    MeetingFactory,
    StateFactory,
    WorkPlanFactory,
)
from tests.workplan.factories import LetteredItemFactory, ParagraphFactory, SectionFactory


@pytest.fixture
def staff(db):
    return ISUStaffFactory(username="staff", email="staff@isu.example.org")


@pytest.fixture
def member(db):
    return CommitteeMemberFactory(username="member", email="member@cc.example.org")


@pytest.fixture
def member2(db):
    return CommitteeMemberFactory(username="member2", email="member2@cc.example.org")


@pytest.fixture
def plan(db):
    """A draft with one section, two paragraphs and a lettered item, for a meeting far ahead."""
    opening = timezone.localdate() + dt.timedelta(days=200)
    meeting = MeetingFactory(start_date=opening, end_date=opening + dt.timedelta(days=3))
    plan = WorkPlanFactory(meeting=meeting)
    section = SectionFactory(plan=plan, title="Mandate", position=1)
    first = ParagraphFactory(section=section, text="The ISU supports States Parties.", position=1)
    ParagraphFactory(section=section, text="It reports to the Meeting.", position=2)
    LetteredItemFactory(paragraph=first, text="Advice on clearance.", position=1)
    return plan


@pytest.fixture
def party_contacts(db):
    state = StateFactory(name="Norway", iso3="NOR")
    signatory = StateFactory(name="Signland", iso3="SGL", consent_date=None)
    return [
        ContactFactory(state=state, email="mission@nor.example.org", receives_documents=True),
        ContactFactory(state=state, email="finance@nor.example.org", receives_documents=False),
        ContactFactory(state=signatory, email="mission@sgl.example.org", receives_documents=True),
    ]
