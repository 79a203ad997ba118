"""Settings of the Celery worker processes the broker tests start: the test settings, with
e-mails written as .eml files (so the test can count what was really sent) and a short Redis
visibility timeout (so a task whose worker was killed is redelivered within seconds)."""

import os

from isu_portal.settings.test import *  # noqa: F403

EMAIL_BACKEND = "isu_portal.mail.EmlFileBackend"
EMAIL_FILE_PATH = os.environ["WORKER_EMAIL_FILE_PATH"]
CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = os.environ["REDIS_URL"]
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 4,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
