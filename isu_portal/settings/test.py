"""Test settings: SQLite in memory unless DATABASE_URL is set; tasks eager; mail in memory."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = False
SECRET_KEY = "test-secret-key-not-used-anywhere-else"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEMO_ACCOUNTS = True
DEMO_PASSWORD = "ccm-demo-2025"  # noqa: S105

# Each test run writes generated files under its own folder.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "test-media")
DOCUMENTS_ROOT = env.path("DOCUMENTS_ROOT", default=VAR_DIR / "test-documents")

# Tests enqueue in-process; the broker test talks to Redis explicitly.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = "cache+memory://"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The live server of browser tests serves static files itself; WhiteNoise would only warn that
# no collected static folder exists.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405

# Each test process keeps its own cache; the page cache's own tests switch it on.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=False)
PAGE_CACHE_REDIS_URL = env("PAGE_CACHE_REDIS_URL", default="")
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
