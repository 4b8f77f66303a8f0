"""Time and peak memory to generate the Mechelen demo city's follow-up report as PDF.

Loads the demo into a temporary data folder (or uses ``MECHELEN_DATA_DIR`` when it already
holds the demo), then, in one process, generates the internal report of Mechelen in French:
first the HTML alone (the baseline: the database reads, the report model and the SVG charts),
then the PDF (the same plus WeasyPrint's layout), then the network report as PDF. Each step
runs ``--repeat`` times after a warm-up; the median is printed, with the peak Python memory
(tracemalloc) of one run and the process's peak resident memory at the end.

    .venv/bin/python bench/bench_reports.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_demo(folder: Path) -> None:
    env = {**os.environ, "MECHELEN_DATA_DIR": str(folder)}
    manage = [sys.executable, "-m", "mechelen.web.manage"]
    subprocess.run([*manage, "migrate", "-v0"], check=True, env=env, cwd=ROOT)
    subprocess.run(
        [*manage, "serve_demo", "--no-serve"],
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )


def measure(step: Callable[[], bytes], repeat: int) -> tuple[float, float, int]:
    """(median seconds, peak Python MiB of one run, bytes produced)."""
    step()  # warm-up: imports, fonts, caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    produced = step()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak, len(produced)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    given = os.environ.get("MECHELEN_DATA_DIR")
    folder = Path(given) if given else Path(tempfile.mkdtemp(prefix="mechelen-bench-"))
    if not (folder / "mechelen.sqlite3").exists():
        print(f"loading the demo into {folder} ...", flush=True)
        load_demo(folder)
    os.environ["MECHELEN_DATA_DIR"] = str(folder)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mechelen.web.settings")
    import django

    django.setup()
    from mechelen.web.reports.actions import render_city_report, render_network_report
    from mechelen.web.tenancy.models import Network, Organisation

    city = Organisation.objects.get(slug="mechelen")
    network = Network.objects.first()
    steps: list[tuple[str, Callable[[], bytes]]] = [
        (
            "Mechelen, internal, French: HTML alone (baseline)",
            lambda: render_city_report(city, "fr", "html", public=False).content,
        ),
        (
            "Mechelen, internal, French: PDF",
            lambda: render_city_report(city, "fr", "pdf", public=False).content,
        ),
        (
            "Mechelen, public, French: PDF",
            lambda: render_city_report(city, "fr", "pdf", public=True).content,
        ),
    ]
    if network is not None:
        steps.append(
            (
                f"network {network.slug}, French: PDF",
                lambda: render_network_report(network, "fr", "pdf").content,
            )
        )
    print(f"| Report | Median of {args.repeat} | Peak Python memory | Size |")
    print("|---|---|---|---|")
    for label, step in steps:
        seconds, peak, size = measure(step, args.repeat)
        print(f"| {label} | {seconds:.2f} s | {peak:.1f} MiB | {size / 1024:.0f} KiB |", flush=True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the process: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
