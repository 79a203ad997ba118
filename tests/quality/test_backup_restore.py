"""scripts/backup.sh then scripts/restore.sh into a fresh database find the same plans,
invoices and payments, and the same generated documents and uploaded files."""

import os
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection

from contributions import services
from tests.contributions.factories import approved_budget, issue
from tests.factories import StateFactory

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("workplan_workplan", "budget_costline", "contributions_invoice", "contributions_payment")

pytestmark = [
    pytest.mark.django_db(transaction=True),  # pg_dump runs in another process: commit the rows
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="backup and restore use pg_dump/pg_restore: run with DATABASE_URL=postgres://...",
    ),
]


def url(settings_dict, name):
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{settings_dict['USER']}{password}@{host}:{port}/{name}"


def rows(database_url, table):
    result = subprocess.run(
        ["psql", database_url, "-Atc", f"select * from {table} order by id"],  # noqa: S608
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


def test_backup_then_restore_into_a_fresh_database(settings, tmp_path):
    france = StateFactory(name="France", iso3="FRA")
    lao = StateFactory(name="Lao People's Democratic Republic", iso3="LAO")
    approved_budget(2025, Decimal("497138"))
    approved_budget(2026, Decimal("510000"))
    invoice = issue(france)
    issue(lao)
    services.payment_record(
        state=france,
        amount=Decimal("400.00"),
        received_on=date(2025, 3, 1),
        invoice=invoice,
        today=date(2025, 3, 2),
    )
    Path(settings.DOCUMENTS_ROOT, "workplans").mkdir(parents=True)
    Path(settings.DOCUMENTS_ROOT, "workplans", "2025.pdf").write_bytes(b"%PDF-1.4 plan")
    Path(settings.MEDIA_ROOT, "meetings").mkdir(parents=True)
    Path(settings.MEDIA_ROOT, "meetings", "wp1.pdf").write_bytes(b"%PDF-1.4 paper")

    source = url(connection.settings_dict, connection.settings_dict["NAME"])
    fresh_name = f"{connection.settings_dict['NAME']}_restored"
    fresh = url(connection.settings_dict, fresh_name)
    admin = url(connection.settings_dict, "postgres")
    environment = {
        **os.environ,
        "DOCUMENTS_ROOT": str(settings.DOCUMENTS_ROOT),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    backup = subprocess.run(
        ["scripts/backup.sh", str(tmp_path / "backups")],
        cwd=ROOT,
        env={**environment, "DATABASE_URL": source},
        capture_output=True,
        text=True,
        check=False,
    )
    assert backup.returncode == 0, backup.stderr
    folder = backup.stdout.strip()

    subprocess.run(
        ["psql", admin, "-c", f'drop database if exists "{fresh_name}"'],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["psql", admin, "-c", f'create database "{fresh_name}"'], check=True, capture_output=True
    )
    try:
        restored_files = tmp_path / "restored"
        restore = subprocess.run(
            ["scripts/restore.sh", folder],
            cwd=ROOT,
            env={
                **environment,
                "DATABASE_URL": fresh,
                "DOCUMENTS_ROOT": str(restored_files / "documents"),
                "MEDIA_ROOT": str(restored_files / "media"),
            },
            capture_output=True,
            text=True,
            check=False,
        )
        assert restore.returncode == 0, restore.stderr
        for table in TABLES:
            original = rows(source, table)
            assert original, f"{table} is empty: the test proves nothing"
            assert rows(fresh, table) == original, table
        assert (restored_files / "documents/workplans/2025.pdf").read_bytes() == b"%PDF-1.4 plan"
        assert (restored_files / "media/meetings/wp1.pdf").read_bytes() == b"%PDF-1.4 paper"

        again = subprocess.run(
            ["scripts/restore.sh", folder],
            cwd=ROOT,
            env={**environment, "DATABASE_URL": fresh},
            capture_output=True,
            text=True,
            check=False,
        )
        assert again.returncode != 0 and "refusing" in again.stderr  # never over live data
    finally:
        subprocess.run(
            ["psql", admin, "-c", f'drop database if exists "{fresh_name}"'],
            check=False,
            capture_output=True,
        )
