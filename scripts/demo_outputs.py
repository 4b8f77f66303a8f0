"""Record what the demo produces, and compare it later: the guard of a refactoring (issue 11).

    .venv/bin/python scripts/demo_outputs.py record build/demo-outputs/before
    .venv/bin/python scripts/demo_outputs.py record build/demo-outputs/after
    .venv/bin/python scripts/demo_outputs.py compare build/demo-outputs/before build/demo-outputs/after

``record`` loads the demo into a fresh data folder and writes into the output folder: every
release's files, each demo city's report (internal and public) and the network's report as
HTML in English, French and Spanish, each city's and the network's open-data export (the
files of its Data Package, as a visitor and as the city's administrator get them), the API's
OpenAPI document, and the API's answers to an administrator of each city and to a visitor
(every GET without an object id, then each release and dataset); ``manifest.json`` lists the SHA-256 of each file
after dates, times and the demo's random tokens are replaced by placeholders. ``compare``
prints the files that differ, appear or disappear, and exits with 1 if any does.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import itertools
import json
import os
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

#: what changes from one run to the next without the code changing
VOLATILE = [
    re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"),
    re.compile(r"\d{4}-\d{2}-\d{2}"),
    re.compile(r"\b\d{1,2}\s+\w+\s+\d{4}\b"),  # 7 December 2026, 7 décembre 2026
    re.compile(r"\b\w+\s+\d{1,2},\s+\d{4}\b"),  # December 7, 2026
    re.compile(r"csrfmiddlewaretoken[^>]*>"),
    # the stored name and hash of the uploaded source (a random name, a gzip time stamp),
    # and the hash of the Data Package that names it
    re.compile(r"[0-9a-f]{32}\.csv(\.gz)?"),
    re.compile(r"sha256 [0-9a-f]{64}"),
    re.compile(r'"datapackage\.json": "[0-9a-f]{64}"'),
]
TEXT = {".csv", ".json", ".html", ".txt", ".xml", ".svg"}


def normalised(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix not in TEXT:
        return data
    text = data.decode("utf-8", errors="replace")
    for pattern in VOLATILE:
        text = pattern.sub("<volatile>", text)
    return text.encode("utf-8")


def record(out: Path) -> None:
    data = Path(tempfile.mkdtemp(prefix="mechelen-demo-outputs-"))
    os.environ["MECHELEN_DATA_DIR"] = str(data)
    # the cell key method's record keys come from this secret: fixed, so runs compare
    os.environ["MECHELEN_RECORD_KEY_SECRET"] = "6d656368656c656e2d64656d6f2d6f757470757473"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mechelen.web.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from mechelen.web.accounts.models import ApiToken
    from mechelen.web.demo.load import DEMO_PASSWORD, load_all
    from mechelen.web.tenancy.models import Network, Organisation

    call_command("migrate", verbosity=0)
    context = load_all(DEMO_PASSWORD, say=lambda _: None)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    media = Path(settings.MEDIA_ROOT)
    for folder in sorted(media.glob("statistics/*/releases/*/*")):
        if (folder / "release.json").is_file():
            organisation = folder.parts[-4]
            target = (
                out
                / "releases"
                / organisation
                / json.loads((folder / "release.json").read_text(encoding="utf-8"))["release"]
            )
            shutil.copytree(folder, target, dirs_exist_ok=True)
    for organisation in Organisation.objects.order_by("slug"):
        for lang, public in itertools.product(("en", "fr", "es"), (False, True)):
            name = f"{organisation.slug}{'.public' if public else ''}.{lang}.html"
            report = out / "reports" / name
            report.parent.mkdir(parents=True, exist_ok=True)
            call_command(
                "report_city", organisation.slug, "--lang", lang, "--format", "html",
                "--out", str(report), *(["--public"] if public else []),
            )  # fmt: skip
    for network in Network.objects.order_by("slug"):
        for lang in ("en", "fr", "es"):
            report = out / "reports" / f"network-{network.slug}.{lang}.html"
            call_command(
                "report_network", network.slug, "--lang", lang, "--format", "html",
                "--out", str(report),
            )  # fmt: skip
    client = Client()
    openapi = client.get("/api/openapi.json")
    _write_answer(out, "/api/openapi.json", openapi.status_code, openapi.content)
    for organisation in Organisation.objects.order_by("slug"):
        admin = context.users.get(f"{organisation.slug}-admin")
        callers: dict[str, dict[str, str]] = {"visitor": {}}
        if admin is not None:
            token = ApiToken.issue(admin, "outputs")[1]
            callers["admin"] = {"Authorization": f"Bearer {token}"}
            _write_export(out, f"{organisation.slug}/admin", _export(admin, organisation))
        _write_export(out, f"{organisation.slug}/visitor", _export(None, organisation))
        base = f"/api/organisations/{organisation.slug}"
        paths = [base, *(f"{base}/{p}" for p in API_LISTS)]
        for (who, headers), path in itertools.product(callers.items(), paths):
            answer = client.get(path, headers=headers)
            _write_answer(out, f"{who}{path}", answer.status_code, answer.content)
            if path.endswith(("/releases", "/datasets")) and answer.status_code == 200:
                for item in json.loads(answer.content):
                    detail = f"{path}/{item['id']}"
                    got = client.get(detail, headers=headers)
                    _write_answer(out, f"{who}{detail}", got.status_code, got.content)
    for network in Network.objects.order_by("slug"):
        _write_export(out, f"network-{network.slug}", _export(None, network))
    manifest = {
        str(path.relative_to(out)): hashlib.sha256(normalised(path)).hexdigest()
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    shutil.rmtree(data, ignore_errors=True)
    print(f"{len(manifest)} files recorded in {out}")


#: the API's lists of one organisation (GET without an object id)
API_LISTS = (
    "commitments",
    "assessments",
    "indicators",
    "members",
    "releases",
    "datasets",
    "service-figures",
)


def _export(user: object | None, owner: object) -> tuple[int, bytes]:
    """The open-data Data Package of a city (or a network) as ``user`` downloads it."""
    from django.test import Client

    from mechelen.web.tenancy.models import Network

    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    kind = "networks" if isinstance(owner, Network) else "cities"
    answer = client.get(f"/{kind}/{owner.slug}/follow-up/export/datapackage.zip")  # type: ignore[attr-defined]
    return answer.status_code, answer.content


def _write_export(out: Path, name: str, answer: tuple[int, bytes]) -> None:
    """The files of the Data Package (a zip's own time stamps would differ every run)."""
    target = out / "exports" / name
    target.mkdir(parents=True, exist_ok=True)
    status, content = answer
    (target / "status.txt").write_text(f"{status}\n", encoding="utf-8")
    if status == 200:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            package.extractall(target)


def _write_answer(out: Path, path: str, status: int, content: bytes) -> None:
    target = out / "api" / (path.strip("/").replace("/", "__") + ".json")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(f"{status}\n".encode() + content)


def compare(before: Path, after: Path) -> int:
    old = json.loads((before / "manifest.json").read_text(encoding="utf-8"))
    new = json.loads((after / "manifest.json").read_text(encoding="utf-8"))
    differ = sorted(k for k in old.keys() & new.keys() if old[k] != new[k])
    gone = sorted(old.keys() - new.keys())
    added = sorted(new.keys() - old.keys())
    for label, names in (("differs", differ), ("gone", gone), ("new", added)):
        for name in names:
            print(f"{label}: {name}")
    print(
        f"{len(old)} files before, {len(new)} after: {len(differ)} differ, {len(gone)} gone, {len(added)} new"
    )
    return 1 if differ or gone or added else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    recording = commands.add_parser("record", help="load the demo and record its outputs")
    recording.add_argument("out", type=Path)
    comparing = commands.add_parser("compare", help="compare two recordings")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "record":
        record(args.out)
        sys.exit(0)
    sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
