import email

from django.core.mail import EmailMessage

from isu_portal.mail import EmlFileBackend


def test_each_message_is_an_eml_file_a_mail_client_opens(tmp_path):
    message = EmailMessage(
        "Invoice ISU-2025-0001", "Dear colleague,", "isu@example.org", ["fra@example.org"]
    )
    message.attach("invoice.pdf", b"%PDF-1.7 test", "application/pdf")
    backend = EmlFileBackend(file_path=tmp_path)
    assert backend.send_messages([message, message]) == 2
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 2
    parsed = email.message_from_bytes(files[0].read_bytes())
    assert parsed["Subject"] == "Invoice ISU-2025-0001"
    assert parsed["To"] == "fra@example.org"
    attachments = [part.get_filename() for part in parsed.walk() if part.get_filename()]
    assert attachments == ["invoice.pdf"]
