"""Latency of the work plan page and of the nested API detail, for the 2025 plan and for a
generated plan ten times as large."""

import os
import statistics
import time

from django.core.management import call_command
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

from workplan.generate import generated_plan_create
from workplan.models import WorkPlan
from workplan.selectors import plan_counts


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def _measure(client: Client, url: str, iterations: int) -> dict:
    client.get(url)  # warm-up: templates compiled, caches filled
    reset_queries()  # each request resets the log; start the count from an empty one
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    query_count = len(queries.captured_queries)  # a view on the log: read it before it resets
    timings = []
    for _ in range(iterations):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        reset_queries()
    return {
        "median": statistics.median(timings),
        "p95": _percentile(timings, 0.95),
        "queries": query_count,
        "bytes": len(response.content),
    }


def run(*, iterations: int, scale: int, out=print) -> list[dict]:
    from tests.factories import ISUStaffFactory

    call_command("load_workplan_2025", stdout=open(os.devnull, "w"))  # noqa: SIM115
    small = WorkPlan.objects.get(year=2025)
    large = WorkPlan.objects.filter(year=2090).first() or generated_plan_create(
        year=2090, scale=scale
    )
    user = ISUStaffFactory(username="bench-isu")
    client = Client()
    client.force_login(user)
    rows = []
    for label, plan in (("2025 plan", small), (f"generated x{scale}", large)):
        counts = plan_counts(plan=plan)
        for what, url in (
            ("plan page", f"/workplans/{plan.year}/"),
            ("API detail", f"/api/workplans/{plan.year}/"),
        ):
            result = _measure(client, url, iterations)
            rows.append({"plan": label, "what": what, **result, **counts})
    out(
        f"{'plan':<16} {'endpoint':<11} {'median ms':>10} {'p95 ms':>9} {'queries':>8} "
        f"{'KiB':>7}  size"
    )
    for row in rows:
        out(
            f"{row['plan']:<16} {row['what']:<11} {row['median']:>10.1f} {row['p95']:>9.1f} "
            f"{row['queries']:>8} {row['bytes'] / 1024:>7.0f}  {row['paragraphs']} paragraphs, "
            f"{row['lettered items']} items, {row['activities']} activities"
        )
    return rows
