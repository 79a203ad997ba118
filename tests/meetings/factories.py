"""Factories of the meetings and sponsorship apps (the shared ones are in tests/factories.py)."""

import io
from datetime import date
from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.models import (
    AgendaItem,
    Gender,
    MeetingDocument,
    Participant,
    ParticipantStatus,
)
from sponsorship.models import (
    ItemKind,
    ObligationDeadline,
    RequestedItem,
    SponsorshipApplication,
    SponsorshipBudget,
)
from tests.factories import MeetingFactory, StateFactory

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf_upload(name: str = "paper.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def docx_upload(name: str = "paper.docx") -> SimpleUploadedFile:
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Draft decision")
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


def xlsx_upload(name: str = "table.xlsx") -> SimpleUploadedFile:
    import openpyxl

    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Budget"
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    parent = None
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class MeetingDocumentFactory(factory.django.DjangoModelFactory):
    """A document row with a generated-document link (no file); symbols from a sequence."""

    class Meta:
        model = MeetingDocument

    meeting = factory.SubFactory(MeetingFactory)
    kind = "document"
    number = factory.Sequence(lambda n: n + 1)
    symbol = factory.LazyAttribute(lambda d: f"CCM/TEST/{d.meeting.pk}/{d.number}")
    title = factory.Sequence(lambda n: f"Document {n}")
    document_date = date(2025, 6, 1)
    languages = factory.LazyFunction(lambda: ["en", "fr"])
    generated_url_name = "meetings:list"


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    meeting = factory.SubFactory(MeetingFactory)
    state = factory.SubFactory(StateFactory)
    name = factory.Sequence(lambda n: f"Delegate {n}")
    function = "Counsellor"
    gender = Gender.FEMALE
    email = factory.Sequence(lambda n: f"delegate{n}@example.org")
    status = ParticipantStatus.APPROVED
    consent_public = True


class SponsorshipApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SponsorshipApplication

    participant = factory.SubFactory(ParticipantFactory)
    meeting = factory.LazyAttribute(lambda a: a.participant.meeting)
    state = factory.LazyAttribute(lambda a: a.participant.state)
    national_role = "National focal point for Article 4"


class RequestedItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequestedItem

    application = factory.SubFactory(SponsorshipApplicationFactory)
    kind = ItemKind.FLIGHT
    quantity = 1
    estimate_chf = Decimal("1200.00")


class SponsorshipBudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SponsorshipBudget
        django_get_or_create = ("meeting",)

    meeting = factory.SubFactory(MeetingFactory)
    amount = Decimal("10000.00")


class ObligationDeadlineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ObligationDeadline

    state = factory.SubFactory(StateFactory)
    article = 4
    deadline = date(2026, 8, 1)
