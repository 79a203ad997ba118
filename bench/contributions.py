"""`python -m bench.contributions`: time issuing, rendering and e-mailing the invoices of all
112 States Parties through the Redis broker, with one and with two worker processes.

Needs REDIS_URL and a PostgreSQL DATABASE_URL (the workers and this process share the
database). A throwaway database `<name>_bench_contributions` is created on that server, filled
with the real registry, the UN scale, a demo contact per State and an approved 2025 budget, and
dropped afterwards. E-mails are written as .eml files to a temporary folder and counted."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent


def _admin_connection(url):
    import psycopg2

    connection = psycopg2.connect(
        dbname="postgres",
        user=url.username,
        password=url.password,
        host=url.hostname,
        port=url.port or 5432,
    )
    connection.autocommit = True
    return connection


def _recreate(url, name: str, *, drop_only: bool = False) -> None:
    connection = _admin_connection(url)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if not drop_only:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def _start_workers(count: int, env: dict) -> list[subprocess.Popen]:
    return [
        subprocess.Popen(  # noqa: S603 - our own interpreter running our own celery app
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "isu_portal",
                "worker",
                "--pool=solo",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
                "-n",
                f"bench{index}@%h",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for index in range(count)
    ]


def _cpu_seconds(process: subprocess.Popen) -> float:
    """User + system CPU time of a running worker (Linux /proc), to see how work was shared."""
    try:
        fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _stop(workers: list[subprocess.Popen]) -> None:
    for process in workers:
        process.terminate()
    for process in workers:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_ready(app, count: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        replies = app.control.ping(timeout=1.0) or []
        if len(replies) >= count:
            return
    raise RuntimeError(f"only {len(replies)} of {count} workers answered within {timeout} s")


def _run(worker_count: int, env: dict, mail_dir: Path) -> dict:
    from django.db import transaction

    from contributions import services
    from contributions.models import (
        DocumentCounter,
        Invoice,
        IssueJob,
        IssueJobItem,
        JobStatus,
        SentMail,
    )
    from isu_portal.celery import app

    with transaction.atomic():
        SentMail.objects.all().delete()
        IssueJobItem.objects.all().delete()
        IssueJob.objects.all().delete()
        Invoice.objects.all().delete()
        DocumentCounter.objects.all().delete()
    for file in mail_dir.glob("*.eml"):
        file.unlink()
    app.control.purge()
    workers = _start_workers(worker_count, env)
    try:
        _wait_ready(app, worker_count)
        started = time.monotonic()
        job = services.issue_job_start(year=2025, send=True)
        while True:
            job.refresh_from_db()
            if job.status in (JobStatus.FINISHED, JobStatus.FAILED):
                break
            if time.monotonic() - started > 600:
                raise RuntimeError("the job did not finish within 600 s")
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        cpu = [_cpu_seconds(process) for process in workers]
    finally:
        _stop(workers)
    return {
        "workers": worker_count,
        "seconds": elapsed,
        "status": job.status,
        "invoices": Invoice.objects.count(),
        "sent": SentMail.objects.filter(sent_at__isnull=False).count(),
        "eml_files": len(list(mail_dir.glob("*.eml"))),
        "cpu": cpu,
        "load": os.getloadavg()[0],
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.contributions", description=__doc__)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    args = parser.parse_args(argv)

    redis_url = os.environ.get("REDIS_URL", "")
    database_url = os.environ.get("DATABASE_URL", "")
    if not redis_url or not database_url.startswith(("postgres://", "postgresql://")):
        print("needs REDIS_URL and a PostgreSQL DATABASE_URL", file=sys.stderr)  # noqa: T201
        return 2
    url = urlparse(database_url)
    name = f"{url.path.lstrip('/')}_bench_contributions"
    bench_url = urlunparse(url._replace(path=f"/{name}"))
    mail_dir = Path(tempfile.mkdtemp(prefix="bench-contributions-mail-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "isu_portal.settings.dev",
        "DATABASE_URL": bench_url,
        "REDIS_URL": redis_url,
        "EMAIL_FILE_PATH": str(mail_dir),
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    _recreate(url, name)
    try:
        import django

        django.setup()
        from decimal import Decimal

        from django.core.management import call_command

        from budget.models import CostCategory, CostLine
        from workplan.models import PlanStatus, WorkPlan

        quiet = open(os.devnull, "w")  # noqa: SIM115
        for command in ("migrate", "load_participants", "load_un_scale", "seed_demo_contacts"):
            call_command(command, stdout=quiet, verbosity=0)
        plan = WorkPlan.objects.create(
            year=2025, title="ISU 2025 Work Plan and Budget (bench)", status=PlanStatus.APPROVED
        )
        CostLine.objects.create(plan=plan, category=CostCategory.SALARIES, amount=Decimal("497138"))
        results = [_run(count, env, mail_dir) for count in args.workers]
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            _recreate(url, name, drop_only=True)
    print(  # noqa: T201
        "workers  seconds  invoices  e-mails sent  .eml files  status    worker CPU s  load"
    )
    for r in results:
        cpu = "+".join(f"{c:.1f}" for c in r["cpu"])
        print(  # noqa: T201
            f"{r['workers']:>7}  {r['seconds']:>7.1f}  {r['invoices']:>8}  {r['sent']:>12}  "
            f"{r['eml_files']:>10}  {r['status']:<8}  {cpu:>12}  {r['load']:.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
