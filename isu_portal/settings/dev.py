"""Embedded defaults for a newcomer: SQLite under var/, tasks in-process, e-mail to var/mail/."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
# Demo accounts are created only by the dev seed command, and only when this is true.
DEMO_ACCOUNTS = True
DEMO_PASSWORD = env("DEMO_PASSWORD", default="ccm-demo-2025")

# runserver serves static files straight from the project's folders (no collectstatic).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
