"""Latency of the public pages and the assessment results page under concurrent load.

Loads the demo into a temporary data folder, serves it with gunicorn (2 workers, the
machine's 2 cores) and drives it with ApacheBench (`ab`, Debian package apache2-utils) from
the same machine: N requests with C concurrent clients per page, after a warm-up. Prints the
median and 95th-percentile latency and the throughput for each page, its HTML weight (bytes as
served and gzip-compressed), and the same figures for
a static file served by the same server as the baseline (the ratio of mean latencies shows
what the page's own work costs over the bare request path).

    .venv/bin/python bench/bench_web.py [--requests 2000] [--concurrency 1,16]
"""

from __future__ import annotations

import argparse
import gzip
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer at {url}")


def log_in(base: str, username: str, password: str) -> str:
    """The session cookie of a logged-in demo user."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, "no CSRF token on the login page"
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)}
    ).encode()
    request = urllib.request.Request(f"{base}/accounts/login/", data, headers={"Referer": base})
    opener.open(request).read()
    session = next((c.value for c in jar if c.name == "sessionid"), None)
    assert session, f"could not log in as {username}"
    return session


def results_url(base: str, session: str) -> str:
    request = urllib.request.Request(
        f"{base}/manage/mechelen/assessments/", headers={"Cookie": f"sessionid={session}"}
    )
    page = urllib.request.urlopen(request).read().decode()
    found = re.search(r'href="(/manage/mechelen/assessments/\d+/results/)"', page)
    assert found, "the demo has no assessment results page"
    return base + found.group(1)


def public_release_url(base: str) -> str:
    page = urllib.request.urlopen(f"{base}/cities/mechelen/").read().decode()
    found = re.search(r'href="(/cities/mechelen/statistics/\d+/)"', page)
    assert found, "the demo's public city page links no published release"
    return base + found.group(1)


def html_weight(url: str, cookie: str | None) -> tuple[int, int]:
    """The page's HTML in bytes, as served and gzip-compressed."""
    headers = {"Cookie": f"sessionid={cookie}"} if cookie else {}
    body = urllib.request.urlopen(urllib.request.Request(url, headers=headers)).read()
    return len(body), len(gzip.compress(body))


def ab(url: str, requests: int, concurrency: int, cookie: str | None = None) -> dict[str, float]:
    command = ["ab", "-q", "-k", "-n", str(requests), "-c", str(concurrency)]
    if cookie:
        command += ["-C", f"sessionid={cookie}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    failed = int(re.search(r"Failed requests:\s+(\d+)", out).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    percent = dict(re.findall(r"^\s+(\d+)%\s+(\d+)", out, flags=re.M))
    return {
        "mean_ms": float(re.search(r"Time per request:\s+([\d.]+) \[ms\] \(mean\)", out).group(1)),  # type: ignore[union-attr]
        "median_ms": float(percent["50"]),
        "p95_ms": float(percent["95"]),
        "per_second": float(re.search(r"Requests per second:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "failed": failed + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", default="1,16", help="concurrent clients, comma-separated")
    args = parser.parse_args()
    if shutil.which("ab") is None:
        raise SystemExit("needs ApacheBench: apt-get install apache2-utils")
    data = Path(tempfile.mkdtemp(prefix="mechelen-bench-web-"))
    env = {**os.environ, "MECHELEN_DATA_DIR": str(data), "MECHELEN_JOBS": "inline"}
    started = time.perf_counter()
    loaded = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "serve_demo", "--no-serve"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    password = re.search(r"password for all: (\S+?)\)", loaded.stdout)
    assert password, loaded.stdout
    print(f"demo loaded in {time.perf_counter() - started:.1f} s")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "mechelen.web.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        wait_until_up(f"{base}/")
        session = log_in(base, "mechelen-coordinator", password.group(1))
        pages = {
            "static file (baseline)": (f"{base}/static/mechelen.css", None),
            "public home page": (f"{base}/", None),
            "public city page": (f"{base}/cities/mechelen/", None),
            "public network page": (f"{base}/networks/belgian-cities-demo/", None),
            "public release page": (public_release_url(base), None),
            "assessment results page": (results_url(base, session), session),
        }
        print("HTML weight of each page (bytes as served, gzip-compressed)")
        for label, (url, cookie) in pages.items():
            if not label.startswith("static"):
                raw, packed = html_weight(url, cookie)
                print(f"  {label:<26} {raw:8,} bytes  {packed:7,} gzipped")
        for concurrency in [int(c) for c in str(args.concurrency).split(",")]:
            print(
                f"{args.requests} requests per page, {concurrency} concurrent clients, gunicorn 2 workers"
            )
            figures = {}
            for label, (url, cookie) in pages.items():
                ab(url, min(200, args.requests), concurrency, cookie)  # warm-up
                figures[label] = ab(url, args.requests, concurrency, cookie)
            baseline = figures["static file (baseline)"]["mean_ms"]
            for label, f in figures.items():
                print(
                    f"  {label:<26} median {f['median_ms']:6.0f} ms  p95 {f['p95_ms']:6.0f} ms  "
                    f"{f['per_second']:7.1f} req/s  failed {f['failed']:.0f}  "
                    f"mean {f['mean_ms']:7.2f} ms = x{f['mean_ms'] / baseline:.0f} the baseline"
                )
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
