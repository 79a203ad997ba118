"""The issue job through the real Redis broker, consumed by worker processes the test starts:
every invoice e-mailed exactly once, even when a worker is killed in the middle of the batch."""

import email
import os
import signal
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
from tests.contributions.factories import rated_state
from tests.factories import ContactFactory

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
def broker():
    app = Celery(broker=REDIS_URL)
    app.control.purge()
    yield app
    app.close()


@pytest.fixture
def start_worker(tmp_path):
    """Starts `celery -A isu_portal worker --pool=solo` on the test database; e-mails land as
    .eml files in tmp_path/mail. Every worker started is stopped at the end."""
    processes = []
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.contributions.worker_settings",
        "REDIS_URL": REDIS_URL,
        "DATABASE_URL": _test_database_url(),
        "WORKER_EMAIL_FILE_PATH": str(tmp_path / "mail"),
    }

    def start(name: str) -> subprocess.Popen:
        process = subprocess.Popen(  # noqa: S603 - our interpreter, our celery app
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "isu_portal",
                "worker",
                "--pool=solo",
                "--loglevel=WARNING",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "-n",
                f"{name}@%h",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _start_job(broker):
    def enqueue(job_id):
        broker.send_task("contributions.issue_job_run", args=[job_id])

    with mock.patch.object(tasks.issue_job_run, "delay", enqueue):
        return services.issue_job_start(year=2025, send=True)


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _sent_subjects(folder: Path) -> list[str]:
    subjects = []
    for path in sorted(folder.glob("*.eml")):
        subjects.append(email.message_from_bytes(path.read_bytes())["Subject"])
    return subjects


@pytest.mark.django_db(transaction=True)
def test_job_sent_through_redis_is_issued_and_mailed_by_the_worker(
    small_world, budget_2025, broker, start_worker, tmp_path
):
    start_worker("one")
    job = _start_job(broker)
    _wait(lambda: IssueJob.objects.get(pk=job.pk).status == JobStatus.FINISHED, 120, "the job")
    assert job.items.filter(done=True).count() == 4
    assert SentMail.objects.filter(sent_at__isnull=False).count() == 4
    subjects = _sent_subjects(tmp_path / "mail")
    assert sorted(s.split(":")[0] for s in subjects) == [
        f"Invoice ISU-2025-000{n}" for n in range(1, 5)
    ]


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_batch_loses_nothing_and_sends_nothing_twice(
    small_world, budget_2025, broker, start_worker, tmp_path
):
    for index in range(16):  # twenty States: the batch takes several seconds
        state = rated_state(f"Extra State {index}", f"X{index:02d}", "0.5")
        ContactFactory(state=state, email=f"finance@x{index:02d}.example.org")
    first = start_worker("doomed")
    job = _start_job(broker)
    _wait(
        lambda: SentMail.objects.filter(sent_at__isnull=False).count() >= 1,
        120,
        "the first e-mail",
    )
    first.send_signal(signal.SIGKILL)  # no warm shutdown: its task stays unacknowledged
    first.wait()
    assert IssueJob.objects.get(pk=job.pk).status == JobStatus.RUNNING
    start_worker("rescuer")
    _wait(lambda: IssueJob.objects.get(pk=job.pk).status == JobStatus.FINISHED, 120, "the job")
    subjects = _sent_subjects(tmp_path / "mail")
    numbers = sorted(s.split(":")[0] for s in subjects)
    assert numbers == [f"Invoice ISU-2025-{n:04d}" for n in range(1, 21)], numbers
    assert SentMail.objects.filter(sent_at__isnull=False).count() == 20
