"""Security headers under the production settings, the Content Security Policy everywhere,
and the checks on uploaded files."""

import json
import os
import re
import secrets
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contributions import bank_statement
from isu_portal.errors import DomainError
from tests.quality.inline import INLINE

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
# Templates rendered only by WeasyPrint into PDF files, never sent to a browser.
PDF_ONLY = ("documents/",)


@pytest.fixture(scope="module")
def production():
    """Headers of a few responses of the portal started with the production settings."""
    unset = ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE")
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment |= {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "isu.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.quality.production_headers"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def policy(header: str) -> dict[str, list[str]]:
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


PAGES = ("/accounts/login/", "/accounts/password/reset/")


@pytest.mark.parametrize("path", PAGES)
def test_production_content_security_policy(production, path):
    csp = policy(production["responses"][path]["headers"]["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in str(csp) and "'unsafe-eval'" not in str(csp)


def test_api_docs_allow_inline_styles_but_never_inline_scripts(production):
    csp = policy(production["responses"]["/api/docs/"]["headers"]["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]


@pytest.mark.parametrize("path", PAGES)
def test_production_hsts(production, path):
    hsts = production["responses"][path]["headers"]["Strict-Transport-Security"]
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1))
    assert max_age >= 31536000
    assert "includeSubDomains" in hsts


@pytest.mark.parametrize("path", PAGES)
def test_production_nosniff_referrer_and_frames(production, path):
    headers = production["responses"][path]["headers"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", PAGES)
def test_production_redirects_plain_http_to_https(production, path):
    response = production["responses"][path]
    assert response["plain_status"] == 301
    assert response["plain_location"] == f"https://isu.example.org{path}"


def test_production_cookies_are_secure(production):
    assert production["settings"] == {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
    }
    csrf = production["responses"]["/accounts/login/"]["cookies"]["csrftoken"]
    assert csrf["secure"] is True


@pytest.mark.django_db
def test_test_and_dev_settings_send_the_policy_too(client):
    csp = policy(client.get("/accounts/login/")["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]


def _browser_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        relative = path.relative_to(TEMPLATES).as_posix()
        if not relative.startswith(PDF_ONLY):
            yield relative, path.read_text()


def test_no_template_has_inline_script_or_style():
    found = [
        f"templates/{name}: {label}"
        for name, text in _browser_templates()
        for pattern, label in INLINE
        if pattern.search(text)
    ]
    assert not found, "The Content Security Policy would block these: " + "; ".join(found)


def test_htmx_never_injects_its_indicator_style(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert '<meta name="htmx-config" content=\'{"includeIndicatorStyles": false}\'>' in html


# --- Uploaded files ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_uploaded_document_keeps_its_own_sandbox_policy(client):
    from meetings import services
    from tests.factories import MeetingFactory
    from tests.meetings.factories import pdf_upload

    meeting = MeetingFactory(short_name="13MSP", symbol_series="CCM/MSP")
    document = services.document_register(
        meeting=meeting,
        kind="document",
        title="Agenda",
        document_date=date(2025, 6, 14),
        languages=["en"],
        file=pdf_upload(),
    )
    response = client.get(reverse("meetings:document-file", args=["13MSP", document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_uploaded_html_disguised_as_pdf_is_refused():
    from meetings import services
    from tests.factories import MeetingFactory

    meeting = MeetingFactory(short_name="13MSP", symbol_series="CCM/MSP")
    with pytest.raises(DomainError):
        services.document_register(
            meeting=meeting,
            kind="document",
            title="Agenda",
            document_date=date(2025, 6, 14),
            languages=["en"],
            file=SimpleUploadedFile("agenda.pdf", b"<html><script>alert(1)</script></html>"),
        )


def test_bank_statement_larger_than_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(bank_statement, "MAX_BYTES", 100)
    content = b"date,amount,reference\n" + b"2025-03-01,10.00,CCM-ISU 1\n" * 10
    with pytest.raises(ValueError, match="at most 100 bytes"):
        bank_statement.statement_read(content=content, file_name="statement.csv")


def test_bank_statement_of_another_type_is_refused():
    with pytest.raises(ValueError, match=r"only \.csv and \.xlsx"):
        bank_statement.statement_read(content=b"MZ\x90\x00", file_name="statement.exe")
    with pytest.raises(ValueError, match="cannot be read"):
        bank_statement.statement_read(content=b"not a zip", file_name="statement.xlsx")
