import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "isu_portal.settings.dev")

app = Celery("isu_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="isu_portal.ping", bind=True)
def ping(self, payload: str) -> dict:
    """A health check that proves a worker consumed a message from the broker."""
    return {"echo": payload, "worker": self.request.hostname}
