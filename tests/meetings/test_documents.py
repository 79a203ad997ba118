"""Uploaded documents: content sniffing, size limit, safe serving, public and restricted."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from isu_portal.errors import DomainError
from meetings import services
from meetings.models import MeetingDocument
from tests.meetings.factories import docx_upload, pdf_upload, xlsx_upload


def upload(meeting, file, **extra):
    fields = {
        "meeting": meeting,
        "kind": "document",
        "title": "Provisional agenda",
        "document_date": date(2025, 6, 14),
        "languages": ["en", "fr", "es"],
        "file": file,
    }
    return services.document_register(**fields | extra)


@pytest.mark.parametrize(
    ("make", "file_type"), [(pdf_upload, "pdf"), (docx_upload, "docx"), (xlsx_upload, "xlsx")]
)
def test_type_is_decided_by_content(meeting, make, file_type):
    document = upload(meeting, make())
    assert document.file_type == file_type
    assert document.file.name == f"meetings/documents/CCM_MSP_2025_1.{file_type}"


@pytest.mark.parametrize(
    "file",
    [
        SimpleUploadedFile("evil.pdf", b"<html><script>alert(1)</script></html>"),
        SimpleUploadedFile("fake.docx", b"PK\x03\x04 not really a zip"),
        SimpleUploadedFile("empty.pdf", b""),
    ],
    ids=["html-named-pdf", "broken-zip", "empty"],
)
def test_other_content_is_refused_and_nothing_stored(meeting, file, settings):
    with pytest.raises(DomainError):
        upload(meeting, file)
    assert MeetingDocument.objects.count() == 0
    media = settings.MEDIA_ROOT / "meetings" / "documents"
    assert not media.exists() or not any(media.iterdir())


def test_a_zip_that_is_not_an_office_document_is_refused(meeting):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("payload.exe", "MZ")
    with pytest.raises(DomainError, match="not a PDF, Word"):
        upload(meeting, SimpleUploadedFile("a.docx", buffer.getvalue()))


def test_size_limit(meeting, settings):
    settings.MEETING_DOCUMENT_MAX_BYTES = 100
    with pytest.raises(DomainError, match="the limit is 100 bytes"):
        upload(meeting, pdf_upload())
    assert MeetingDocument.objects.count() == 0


def test_file_is_served_with_its_real_type_and_safe_headers(meeting, client):
    document = upload(meeting, docx_upload("x.html"))
    response = client.get(reverse("meetings:document-file", args=["13MSP", document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="CCM-MSP-2025-1.docx"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    pdf = upload(meeting, pdf_upload())
    response = client.get(reverse("meetings:document-file", args=["13MSP", pdf.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")


def test_restricted_documents_are_hidden_from_visitors(meeting, client, client_for, delegate_a):
    restricted = upload(meeting, pdf_upload(), is_public=False)
    upload(meeting, pdf_upload())
    url = reverse("meetings:document-file", args=["13MSP", restricted.pk])
    assert client.get(url).status_code == 404
    assert client_for(delegate_a).get(url).status_code == 200
    listing = client.get(reverse("meetings:documents", args=["13MSP"])).content.decode()
    assert "CCM/MSP/2025/2" in listing and "CCM/MSP/2025/1<" not in listing


def test_document_of_another_meeting_is_not_served_under_this_one(meeting, client):
    from tests.factories import MeetingFactory

    other = MeetingFactory(short_name="12MSP")
    document = upload(other, pdf_upload())
    url = reverse("meetings:document-file", args=["13MSP", document.pk])
    assert client.get(url).status_code == 404


def test_list_filters(meeting, client):
    upload(meeting, pdf_upload(), title="Draft final report")
    services.document_register(
        meeting=meeting,
        kind="wp",
        title="Gender and diversity",
        document_date=date(2025, 8, 1),
        languages=["en"],
        file=pdf_upload(),
    )
    url = reverse("meetings:documents", args=["13MSP"])
    page = client.get(url, {"kind": "wp"}).content.decode()
    assert "CCM/MSP/2025/WP.1" in page and "Draft final report" not in page
    page = client.get(url, {"language": "fr"}).content.decode()
    assert "Draft final report" in page and "Gender and diversity" not in page
    page = client.get(url, {"q": "gender"}).content.decode()
    assert "Gender and diversity" in page and "Draft final report" not in page
    assert client.get(url, {"kind": "nonsense"}).status_code == 200


def test_staff_register_through_the_page(meeting, client_for, isu_user):
    response = client_for(isu_user).post(
        reverse("meetings:document-register", args=["13MSP"]),
        {
            "kind": "document",
            "title": "Annual report",
            "document_date": "2025-06-14",
            "languages": ["en", "fr"],
            "original_language": "en",
            "distribution": "general",
            "is_public": "on",
            "file": pdf_upload(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert MeetingDocument.objects.get().symbol == "CCM/MSP/2025/1"


def test_page_shows_a_clear_message_for_a_bad_file(meeting, client_for, isu_user):
    response = client_for(isu_user).post(
        reverse("meetings:document-register", args=["13MSP"]),
        {
            "kind": "document",
            "title": "Annual report",
            "document_date": "2025-06-14",
            "languages": ["en"],
            "original_language": "en",
            "distribution": "general",
            "file": SimpleUploadedFile("report.pdf", b"plain text"),
        },
    )
    assert response.status_code == 400
    assert "not a PDF, Word (DOCX) or Excel (XLSX)" in response.content.decode()
    assert MeetingDocument.objects.count() == 0


@pytest.mark.parametrize("who", ["anonymous", "delegate_a", "committee"])
def test_only_staff_register_documents(meeting, role_users, client_for, who):
    response = client_for(role_users[who]).post(
        reverse("meetings:document-register", args=["13MSP"]),
        {
            "kind": "document",
            "title": "x",
            "document_date": "2025-06-14",
            "languages": ["en"],
            "original_language": "en",
            "distribution": "general",
            "file": pdf_upload(),
        },
    )
    assert response.status_code in (302, 403)
    if who == "anonymous":
        assert "/accounts/login" in response["Location"]
    assert MeetingDocument.objects.count() == 0


def test_a_file_left_by_a_rolled_back_registration_does_not_push_the_next_one_aside(meeting):
    from django.db import transaction

    from meetings.models import SymbolCounter

    with pytest.raises(RuntimeError), transaction.atomic():
        upload(meeting, pdf_upload())
        raise RuntimeError("the caller's transaction fails after the registration")
    storage = MeetingDocument._meta.get_field("file").storage
    assert storage.exists("meetings/documents/CCM_MSP_2025_1.pdf")  # left behind
    assert not MeetingDocument.objects.exists()
    assert not SymbolCounter.objects.filter(last_number__gt=0).exists()
    document = upload(meeting, docx_upload())
    # The symbol's number came back; so does its file name, and the leftover is gone.
    assert document.symbol == "CCM/MSP/2025/1"
    assert document.file.name == "meetings/documents/CCM_MSP_2025_1.docx"
    assert not storage.exists("meetings/documents/CCM_MSP_2025_1.pdf")


def test_the_sweep_removes_only_old_files_no_document_refers_to(meeting, monkeypatch):
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from meetings.tasks import sweep_document_files

    kept = upload(meeting, pdf_upload())
    storage = MeetingDocument._meta.get_field("file").storage
    orphan = storage.save("meetings/documents/CCM_MSP_2025_9.pdf", ContentFile(b"%PDF-1.7"))
    assert services.document_files_sweep() == []  # too recent: a registration may be running
    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(services.timezone, "now", lambda: later)
    assert sweep_document_files.delay().get() == 1
    assert not storage.exists(orphan)
    assert storage.exists(kept.file.name)
    assert services.document_files_sweep() == []  # idempotent


def test_the_sweep_is_scheduled_daily(db):
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="meetings.sweep_document_files")
    assert task.enabled and task.crontab.hour == "3"
