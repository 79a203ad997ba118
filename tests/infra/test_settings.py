import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    # A fresh process as an operator would start it: no test-only variables (the browser tests
    # set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright, which check --deploy rightly refuses).
    unset = ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_check_deploy_is_clean_with_a_real_secret_and_host():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="isu_portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="isu.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret():
    result = _manage(
        "check",
        DJANGO_SETTINGS_MODULE="isu_portal.settings.production",
        ALLOWED_HOSTS="isu.example.org",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_celery_configuration(settings):
    from isu_portal.celery import app

    conf = app.conf
    assert conf.task_serializer == "json"
    assert conf.accept_content == ["json"]
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.task_time_limit and conf.task_soft_time_limit < conf.task_time_limit
    assert conf.beat_scheduler == "django_celery_beat.schedulers:DatabaseScheduler"


def test_tasks_run_in_process_without_a_broker():
    from isu_portal.celery import ping

    assert ping.delay("hello").get(timeout=5)["echo"] == "hello"


def test_healthz(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
