"""`python -m bench.load` (`make bench`): the load benchmark.

gunicorn on PostgreSQL, wrk with 20 connections for 30 s on four addresses (the 2025 plan page,
its budget page, a delegate's invoice list, the API plan detail), each beside the same gunicorn
serving a saved static copy of the same response through WhiteNoise. Prints a table and writes
var/bench/load-<timestamp>.json.

Needs DATABASE_URL=postgres://... (a throwaway database <name>_bench is created on that server
and dropped afterwards) and wrk (Debian: apt-get install wrk)."""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "var" / "bench"
COPIES = OUT_DIR / "copies" / "static-copy"
AIMS = {"p95_ms": 100.0, "errors": 0, "throughput_ratio": 0.5}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prepare(database_url: str) -> dict:
    """Creates and fills the throwaway database; returns the targets with their credentials."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from datetime import date
    from decimal import Decimal

    from django.core.management import call_command
    from django.test import Client
    from rest_framework.authtoken.models import Token

    from contributions import services
    from parties.models import State
    from tests.factories import DelegateFactory, ISUStaffFactory

    quiet = open(os.devnull, "w")  # noqa: SIM115
    call_command("migrate", verbosity=0)
    for command in ("load_participants", "load_workplan_2025", "load_budget_2025"):
        call_command(command, stdout=quiet)
    staff = ISUStaffFactory(username="bench-isu")
    france = State.objects.get(iso3="FRA")
    delegate = DelegateFactory(username="bench-delegate", state=france)
    for year in (2024, 2025):
        services.invoice_issue(
            year=year,
            state=france,
            amount=Decimal("19180.00"),
            method="un_scale",
            budget=Decimal("497138"),
            issue_date=date(year, 2, 1),
        )
    token = Token.objects.create(user=staff).key

    def session(user):
        client = Client()
        client.force_login(user)
        return client, client.cookies["sessionid"].value

    staff_client, staff_session = session(staff)
    delegate_client, delegate_session = session(delegate)
    targets = {
        "plan page": ("/workplans/2025/", {"Cookie": f"sessionid={staff_session}"}, staff_client),
        "budget page": (
            "/workplans/2025/budget/",
            {"Cookie": f"sessionid={staff_session}"},
            staff_client,
        ),
        "delegate invoices": (
            "/invoices/",
            {"Cookie": f"sessionid={delegate_session}"},
            delegate_client,
        ),
        "API plan detail": (
            "/api/workplans/2025/",
            {"Authorization": f"Token {token}"},
            staff_client,
        ),
    }
    shutil.rmtree(COPIES, ignore_errors=True)
    COPIES.mkdir(parents=True)
    prepared = {}
    for name, (path, headers, client) in targets.items():
        response = client.get(
            path,
            **(
                {"HTTP_AUTHORIZATION": headers["Authorization"]}
                if "Authorization" in headers
                else {}
            ),
        )
        assert response.status_code == 200, f"{name}: {response.status_code}"
        suffix = ".json" if path.startswith("/api/") else ".html"
        copy = COPIES / (name.replace(" ", "-") + suffix)
        copy.write_bytes(response.content)
        prepared[name] = {
            "path": path,
            "headers": headers,
            "copy": f"/static-copy/{copy.name}",
            "bytes": len(response.content),
        }
    return prepared


def _wrk(url: str, headers: dict, *, connections: int, duration: int) -> dict:
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "bench" / "latency.lua"),
    ]
    for key, value in headers.items():
        command += ["-H", f"{key}: {value}"]
    result = subprocess.run([*command, url], capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["requests_per_s"] = round(
        figures.pop("requests") / (figures.pop("duration_us") / 1e6), 1
    )
    return figures


def _first_request_ms(url: str, headers: dict) -> float:
    """One request alone, before any other to that address: the cost of a page not yet kept
    by the page cache (and, for the first address, of a worker that has served nothing)."""
    from http.client import HTTPConnection
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    connection = HTTPConnection(parts.hostname, parts.port, timeout=30)
    started = time.perf_counter()
    connection.request("GET", parts.path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 200, f"{url}: {response.status}"
    return round((time.perf_counter() - started) * 1000, 1)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--duration", type=int, default=30, help="seconds per measurement")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument(
        "--warmup", type=int, default=3, help="seconds of load before each measurement, not kept"
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
        help="Redis of the measured server (the page cache's clock and the Celery broker)",
    )
    parser.add_argument(
        "--no-page-cache",
        action="store_true",
        help="measure every request rendered afresh (isu_portal/page_cache switched off)",
    )
    args = parser.parse_args(argv)
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        print("set DATABASE_URL=postgres://user@host:5432/name (the benchmark runs on PostgreSQL)")
        return 2
    if shutil.which("wrk") is None:
        print("wrk is missing: apt-get install wrk")
        return 2
    sys.path.insert(0, str(ROOT))
    server, _, name = base_url.rpartition("/")
    bench_db = f"{name.split('?')[0]}_bench"
    admin = f"{server}/postgres"
    subprocess.run(["psql", admin, "-qc", f'drop database if exists "{bench_db}"'], check=True)
    subprocess.run(["psql", admin, "-qc", f'create database "{bench_db}"'], check=True)
    database_url = f"{server}/{bench_db}"
    gunicorn = None
    try:
        targets = _prepare(database_url)
        port = _free_port()
        environment = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "REDIS_URL": args.redis_url,
            "PAGE_CACHE_ENABLED": "false" if args.no_page_cache else "true",
        }
        gunicorn = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "isu_portal.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=environment,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        base = f"http://127.0.0.1:{port}"
        results = []
        for name, target in targets.items():
            first_ms = _first_request_ms(base + target["path"], target["headers"])
            if args.warmup:
                _wrk(
                    base + target["path"],
                    target["headers"],
                    connections=args.connections,
                    duration=args.warmup,
                )
                _wrk(base + target["copy"], {}, connections=args.connections, duration=args.warmup)
            dynamic = _wrk(
                base + target["path"],
                target["headers"],
                connections=args.connections,
                duration=args.duration,
            )
            static = _wrk(
                base + target["copy"], {}, connections=args.connections, duration=args.duration
            )
            ratio = round(dynamic["requests_per_s"] / static["requests_per_s"], 3)
            results.append(
                {
                    "name": name,
                    "path": target["path"],
                    "bytes": target["bytes"],
                    "first_request_ms": first_ms,
                    "portal": dynamic,
                    "static_copy": static,
                    "throughput_ratio": ratio,
                }
            )
            print(
                f"{name:18} p50 {dynamic['p50_ms']:7.1f} ms  p95 {dynamic['p95_ms']:7.1f} ms  "
                f"{dynamic['requests_per_s']:7.1f} req/s  errors {dynamic['errors']}  | static "
                f"p95 {static['p95_ms']:6.1f} ms {static['requests_per_s']:7.1f} req/s  "
                f"ratio {ratio:.2f}  first request {first_ms:.0f} ms",
                flush=True,
            )
    finally:
        if gunicorn is not None:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        subprocess.run(["psql", admin, "-qc", f'drop database if exists "{bench_db}"'], check=False)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "connections": args.connections,
        "duration_s": args.duration,
        "workers": args.workers,
        "warmup_s": args.warmup,
        "page_cache": not args.no_page_cache,
        "cpus": os.cpu_count(),
        "aims": AIMS,
        "results": results,
    }
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = OUT_DIR / f"load-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"written {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
