"""The official document of the 2025 plan: cold render time of the PDF, time to serve it once
stored, and the peak memory of a render. `python -m bench` runs it after the work plan
benchmark; `python -m bench.documents` runs it alone (same throwaway database)."""

import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def _vm(field: str) -> int:
    """A field of /proc/self/status in KiB (VmRSS: resident now, VmHWM: peak resident)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _render_in_child(html: str, metadata: dict) -> dict:
    """Renders in a forked process, so that the peak resident memory measured is this
    render's alone (the parent's peak is whatever it did before)."""
    from reporting.pdf import html_to_pdf

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: no database access, only WeasyPrint
        os.close(read)
        before = _vm("VmRSS")
        tracemalloc.start()
        start = time.perf_counter()
        html_to_pdf(html, **metadata)
        seconds = time.perf_counter() - start
        python_peak = tracemalloc.get_traced_memory()[1]
        report = f"{seconds} {before} {_vm('VmHWM')} {python_peak}"
        os.write(write, report.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        seconds, before, peak, python_peak = pipe.read().split()
    os.waitpid(pid, 0)
    return {
        "seconds": float(seconds),
        "rss_before_mib": int(before) / 1024,
        "rss_peak_mib": int(peak) / 1024,
        "python_peak_mib": int(python_peak) / 1024 / 1024,
    }


def run(*, iterations: int = 30, out=print) -> dict:
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from reporting import services
    from reporting.models import RenderedDocument
    from tests.factories import ISUStaffFactory
    from workplan.models import WorkPlan

    settings.DOCUMENTS_ROOT = Path(tempfile.mkdtemp(prefix="bench-documents-"))
    call_command("load_workplan_2025", stdout=open(os.devnull, "w"))  # noqa: SIM115
    plan = WorkPlan.objects.select_related("meeting").get(year=2025)

    # Cold: the first render in this process (fonts loaded, stylesheets parsed) and then
    # renders with an empty store; each goes through the service like a first download.
    colds = []
    for _ in range(3):
        RenderedDocument.objects.all().delete()
        start = time.perf_counter()
        document = services.workplan_document_get_or_render(plan=plan, kind="pdf")
        colds.append(time.perf_counter() - start)

    html = services.workplan_document_html(plan=plan)
    memory = _render_in_child(html, services._metadata(plan) | {"lang": "en"})

    user = ISUStaffFactory(username="bench-documents")
    client = Client()
    client.force_login(user)
    url = f"/workplans/{plan.year}/document.pdf"
    timings = []
    for _ in range(iterations + 1):
        start = time.perf_counter()
        response = client.get(url)
        body = b"".join(response.streaming_content)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200 and body == document.absolute_path.read_bytes()
    timings = timings[1:]  # the first request warms the URL resolver and the session
    html_ms = []
    for _ in range(5):
        start = time.perf_counter()
        services.workplan_document_html(plan=plan)
        html_ms.append((time.perf_counter() - start) * 1000)
    result = {
        "cold_first_s": colds[0],
        "cold_median_s": statistics.median(colds),
        "cached_median_ms": statistics.median(timings),
        "cached_p95_ms": sorted(timings)[int(0.95 * (len(timings) - 1))],
        "html_render_ms": statistics.median(html_ms),
        "pages_bytes": document.size,
        **memory,
    }
    out("Official document (2025 plan, PDF/UA-1)")
    out(
        f"  cold render: first {result['cold_first_s']:.2f} s, median of 3 "
        f"{result['cold_median_s']:.2f} s (aim < 2 s); {document.size / 1024:.0f} KiB"
    )
    out(
        f"  cached download: median {result['cached_median_ms']:.1f} ms, "
        f"p95 {result['cached_p95_ms']:.1f} ms over {iterations} (aim < 50 ms)"
    )
    out(f"  (rendering the HTML alone, the full-hash path: {result['html_render_ms']:.1f} ms)")
    out(
        f"  render memory: peak RSS {memory['rss_peak_mib']:.0f} MiB "
        f"(+{memory['rss_peak_mib'] - memory['rss_before_mib']:.0f} MiB over the process "
        f"before it), Python allocations peak {memory['python_peak_mib']:.0f} MiB, "
        f"{memory['seconds']:.2f} s in the child"
    )
    return result


if __name__ == "__main__":
    from bench.__main__ import main

    sys.exit(main([*sys.argv[1:], "--only", "documents"]))
