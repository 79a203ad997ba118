"""Run in a fresh process under the production settings: prints, as JSON, the headers of a few
responses and the session/CSRF cookie flags (used by test_security_headers.py)."""

import json
import os

os.environ["DJANGO_SETTINGS_MODULE"] = "isu_portal.settings.production"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402

setup_test_environment()
# The hashed-name static storage needs `collectstatic`'s manifest; every other setting stays
# production's.
override_settings(
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
).enable()
client = Client(HTTP_HOST="isu.example.org")
report = {"settings": {}, "responses": {}}
for path in ("/accounts/login/", "/api/docs/", "/accounts/password/reset/"):
    secure = client.get(path, secure=True)
    plain = client.get(path)
    report["responses"][path] = {
        "status": secure.status_code,
        "headers": dict(secure.headers),
        "plain_status": plain.status_code,
        "plain_location": plain.get("Location", ""),
        "cookies": {
            name: {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"])}
            for name, morsel in secure.cookies.items()
        },
    }
for name in ("SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY"):
    report["settings"][name] = getattr(settings, name)
print(json.dumps(report))
