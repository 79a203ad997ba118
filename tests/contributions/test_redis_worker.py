"""The issue job through the real Redis broker, consumed by a worker process the test starts."""

import os
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

import pytest
from celery import Celery
from django.db import connection

from contributions import services, tasks
from contributions.models import IssueJob, JobStatus, SentMail

REDIS_URL = os.environ.get("REDIS_URL", "")
ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(
        not (REDIS_URL and ON_POSTGRES),
        reason="needs REDIS_URL and a PostgreSQL DATABASE_URL (a worker process must share the "
        "test database); CI sets both",
    ),
]


def _test_database_url() -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    host = f"{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
    return f"postgres://{s['USER']}{password}@{host}/{s['NAME']}"


@pytest.fixture
def worker():
    broker = Celery(broker=REDIS_URL)
    broker.control.purge()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "isu_portal.settings.test",
        "REDIS_URL": REDIS_URL,
        "DATABASE_URL": _test_database_url(),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "isu_portal",
            "-b",
            REDIS_URL,
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        yield broker
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        broker.close()


@pytest.mark.django_db(transaction=True)
def test_job_sent_through_redis_is_issued_and_mailed_by_the_worker(
    small_world, budget_2025, worker
):
    def enqueue(job_id):
        worker.send_task("contributions.issue_job_run", args=[job_id])

    with mock.patch.object(tasks.issue_job_run, "delay", enqueue):
        job = services.issue_job_start(year=2025, send=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status == JobStatus.FINISHED:
            break
        time.sleep(0.5)
    assert job.status == JobStatus.FINISHED, f"the worker did not finish the job: {job.status}"
    assert job.items.filter(done=True).count() == 4
    sent = SentMail.objects.filter(sent_at__isnull=False)
    assert sent.count() == 4
    assert set(sent.values_list("recipients", flat=True)) == {
        f"finance@{iso}.example.org" for iso in ("fra", "lao", "deu", "vat")
    }
    assert IssueJob.objects.count() == 1
