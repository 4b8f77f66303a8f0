"""Benchmark of the statistics engine on 11.2 million person records; prints figures only.

    .venv/bin/python bench/bench_statistics.py            # every phase
    .venv/bin/python bench/bench_statistics.py --phase tables

Phases, each in its own process so that its peak memory (max RSS) is its own:
  data       expand Statbel 2015 into 11.2 million records (cached in build/bench/)
  ingest     ingest them through the real pipeline (HMAC record keys, validation)
  tables     build the 41 one-, two- and three-way tables of municipality (with all levels up
             to region), sex, age band, citizenship group, country-of-birth group and
             migratory status, each with all margins, and protect them with the cell key method
  pandas     the same 41 tables, every margin, with a straightforward pandas groupby per
             combination of margins (the baseline), from the same standardised records
  suppression  protect the same tables with primary and secondary suppression (linked);
             suppression-district and suppression-province: the same with the geography
             from district (or province) up, smaller linked systems
  tauargus   2-D and 3-D tables (residents aged 75 and over, and larger ones of all residents,
             up to 16,000 cells) protected by pytauargus (MOD, OPT) and by ours, each method
             with a time limit (MECHELEN_BENCH_TIME_LIMIT seconds, default 300);
             tauargus-large: the larger ones only
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "build" / "bench"
PERSONS = WORK / "persons.parquet"
#: tau-Argus frequency-rule safety range (per cent); our rule uses the same protection
SAFETY_RANGE = 30
WORKSPACE = WORK / "workspace"
SPEC = """\
release: belgium-bench
dataset: belgium-persons
geography: {level: municipality, up_to: region}
combinations:
  dimensions: [geography, sex, age_band, citizenship_group, country_of_birth_group, migratory_status]
  ways: [1, 2, 3]
protection: {method: cell-key, threshold: 10}
"""


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_data() -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "bench"))
    from belgium_population import write_population

    WORK.mkdir(parents=True, exist_ok=True)
    if PERSONS.exists():
        return {"records": "cached", "seconds": 0.0}
    started = time.perf_counter()
    records = write_population(PERSONS)
    return {"records": records, "seconds": time.perf_counter() - started}


def phase_ingest() -> dict[str, Any]:
    import shutil

    sys.path.insert(0, str(ROOT / "bench"))
    from belgium_population import MAPPING

    from mechelen.core.microdata.mapping import read_mapping
    from mechelen.engine.ingest.pipeline import ingest
    from mechelen.engine.ingest.workspace import Workspace
    from mechelen.engine.yaml_source import parse_yaml

    shutil.rmtree(WORKSPACE, ignore_errors=True)
    mapping, _ = read_mapping(parse_yaml(MAPPING, "mapping.yaml", "mapping"))
    assert mapping is not None
    with Workspace(WORKSPACE) as workspace:
        result = ingest(workspace, PERSONS, mapping, MAPPING)
    return {"records": result.record.rows_kept, "seconds": result.seconds}


def _spec(level: str = "municipality"):  # type: ignore[no-untyped-def]
    from mechelen.core.tabulation.spec import read_spec
    from mechelen.engine.yaml_source import parse_yaml

    text = SPEC.replace("level: municipality", f"level: {level}")
    spec, _ = read_spec(parse_yaml(text, "spec.yaml", "spec"))
    assert spec is not None
    return spec


def phase_tables() -> dict[str, Any]:
    from mechelen.engine.ingest.workspace import Workspace
    from mechelen.engine.publish.runners import ProtectionContext, protect
    from mechelen.engine.tables.build import build_tables

    spec = _spec()
    figures: dict[str, Any] = {"tables": len(spec.tables)}
    with Workspace(WORKSPACE) as workspace:
        for strategy in ("separate", "grouping-sets"):
            started = time.perf_counter()
            built, timings = build_tables(workspace, spec, strategy)
            figures[f"build_{strategy}_seconds"] = time.perf_counter() - started
        figures["cube_seconds"] = timings.cube_seconds
        figures["cells"] = sum(len(b.table) for b in built)
        started = time.perf_counter()
        protected = protect(built, spec.protection, ProtectionContext())
        figures["cell_key_seconds"] = time.perf_counter() - started
        figures["suppressed_by_threshold"] = sum(p.report.suppressed_primary for p in protected)
    figures["tables_and_cell_key_seconds"] = (
        figures["build_grouping-sets_seconds"] + figures["cell_key_seconds"]
    )
    return figures


def phase_pandas() -> dict[str, Any]:
    import itertools

    import duckdb
    import pandas as pd

    from mechelen.engine.standardise.country_groups import country_group

    spec = _spec()
    con = duckdb.connect(str(WORKSPACE / "workspace.duckdb"), read_only=True)
    columns = [
        "geo_municipality",
        "geo_district",
        "geo_province",
        "geo_region",
        "sex",
        "age_band",
        "citizenship",
        "country_of_birth",
        "migratory_status",
    ]
    frame = con.execute(f"SELECT {', '.join(columns)} FROM data__belgium_persons").df()
    con.close()
    for column in columns:
        frame[column] = frame[column].astype("category")
    groups = {
        code: country_group(code, "BEL")
        for code in frame["citizenship"].cat.categories.union(
            frame["country_of_birth"].cat.categories
        )
    }
    frame["citizenship_group"] = frame["citizenship"].map(groups).astype("category")
    frame["country_of_birth_group"] = frame["country_of_birth"].map(groups).astype("category")
    levels = {"geography": ["geo_municipality", "geo_district", "geo_province", "geo_region"]}
    started = time.perf_counter()
    cells = 0
    for table in spec.tables:
        choices = [[*levels.get(d, [d]), None] for d in table.dimensions]
        for chosen in itertools.product(*choices):
            keep = [c for c in chosen if c is not None]
            counts = frame.groupby(keep, observed=True).size() if keep else pd.Series([len(frame)])
            cells += len(counts)
    return {"groupby_seconds": time.perf_counter() - started, "nonzero_cells": cells}


def phase_suppression(level: str = "municipality") -> dict[str, Any]:
    """Linked suppression of the 41 tables, first with the dimensions flat (the model before
    issue 10: the baseline), then with the relations between them that an attacker reads from
    the code lists (a migratory status is a function of the two country groups), in the same
    process. The flat pattern is then attacked with the relations."""
    import numpy as np

    from mechelen.core.disclosure import (
        ProtectionLevels,
        audit,
        link_tables,
        make_rule,
        protect_by_suppression,
    )
    from mechelen.engine.ingest.workspace import Workspace
    from mechelen.engine.publish.release import derived_tables, release_relations
    from mechelen.engine.tables.build import build_tables

    spec = _spec(level)
    with Workspace(WORKSPACE) as workspace:
        built, _ = build_tables(workspace, spec)
        record = workspace.dataset(spec.dataset)
    tables = [b.table for b in built]
    country = record.country if record else "BEL"
    # the status tables nobody publishes, through which tables link (the full model)
    derived = [t for _, t in derived_tables([("all", t) for t in tables], country)]
    relations = release_relations(tables + derived, country)
    hidden = [(t, np.zeros(len(t), dtype=np.bool_)) for t in derived]
    figures: dict[str, Any] = {
        "tables": len(built),
        "relations": len(relations),
        "status_tables": len(derived),
    }
    for model, used, before in (("flat", (), []), ("linked", relations, hidden)):
        started = time.perf_counter()
        result = protect_by_suppression(
            tables,
            [make_rule("min-frequency", threshold=10)],
            method="gauss",
            relations=used,
            published_before=before,
        )
        seconds = time.perf_counter() - started
        figures[model] = {
            "linked_cells": len(result.system),
            "equations": len(result.system.equations),
            "primary": result.primary,
            "secondary": result.secondary,
            "secondary_value": float(
                result.system.values[np.array(result.status) == "secondary"].sum()
            ),
            "audit_passed": result.audit.passed,
            "seconds": seconds,
            **{str(k): v for k, v in result.details.items()},
        }
        if model == "flat" and relations:
            system = link_tables(tables + derived, relations)
            published = np.zeros(len(system), dtype=np.bool_)
            published[: len(result.status)] = np.array(result.status) == "observed"
            extra = len(system) - len(result.status)
            levels = ProtectionLevels(
                np.concatenate([result.levels.lower, np.zeros(extra)]),
                np.concatenate([result.levels.upper, np.zeros(extra)]),
            )
            attacked = audit(system, published, levels)
            figures["flat_pattern_attacked_with_relations"] = {
                "too_narrow": len(attacked.findings),
                "exact": sum(1 for f in attacked.findings if f.lower_bound == f.upper_bound),
            }
    figures["ratio_seconds_linked_to_flat"] = figures["linked"]["seconds"] / max(
        figures["flat"]["seconds"], 1e-9
    )
    return figures


#: residents aged 75 and over (many small cells): label -> (geography, dimensions)
TAUARGUS_CASES = {
    "province x age (2-D)": ({"level": "province"}, ["geography", "age_band"]),
    "municipality x sex (2-D)": (
        {"level": "municipality", "up_to": "municipality"},
        ["geography", "sex"],
    ),
    "district x citizenship group (2-D)": (
        {"level": "district", "up_to": "district"},
        ["geography", "citizenship_group"],
    ),
    "province x age x citizenship group (3-D)": (
        {"level": "province", "up_to": "province"},
        ["geography", "age_band", "citizenship_group"],
    ),
    "district x sex x citizenship group (3-D)": (
        {"level": "district", "up_to": "district"},
        ["geography", "sex", "citizenship_group"],
    ),
    "municipality x age (2-D)": (
        {"level": "municipality", "up_to": "municipality"},
        ["geography", "age_band"],
    ),
    "district x age x citizenship group (3-D)": (
        {"level": "district", "up_to": "district"},
        ["geography", "age_band", "citizenship_group"],
    ),
}
#: all residents, larger tables (about 1,000 to 16,000 cells)
TAUARGUS_LARGE_CASES = {
    "all ages: municipality x age (2-D)": (
        {"level": "municipality", "up_to": "municipality"},
        ["geography", "age_band"],
    ),
    "all ages: municipality x citizenship group (2-D)": (
        {"level": "municipality", "up_to": "municipality"},
        ["geography", "citizenship_group"],
    ),
    "all ages: district x age x citizenship group (3-D)": (
        {"level": "district", "up_to": "district"},
        ["geography", "age_band", "citizenship_group"],
    ),
    "all ages: municipality x sex x citizenship group (3-D)": (
        {"level": "municipality", "up_to": "municipality"},
        ["geography", "sex", "citizenship_group"],
    ),
}
#: seconds each method may spend on one table (tau-Argus's child process is then killed)
TAUARGUS_TIME_LIMIT = int(os.environ.get("MECHELEN_BENCH_TIME_LIMIT", "300"))


def phase_tauargus(large_only: bool = False) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from tests.core.disclosure.tauargus_reference import METHODS, tauargus_run

    from mechelen.core.disclosure import make_rule, protect_by_suppression
    from mechelen.core.tabulation.spec import read_spec
    from mechelen.engine.ingest.workspace import Workspace
    from mechelen.engine.tables.build import build_tables

    figures: dict[str, Any] = {}
    cases = [(label, case, {"age": {"min": 75}}) for label, case in TAUARGUS_CASES.items()]
    cases = [] if large_only else cases
    cases += [(label, case, None) for label, case in TAUARGUS_LARGE_CASES.items()]
    with Workspace(WORKSPACE) as workspace:
        for label, (geography, dims), filters in cases:
            spec, _ = read_spec(
                {
                    "dataset": "belgium-persons",
                    "geography": geography,
                    **({"filters": filters} if filters else {}),
                    "tables": [{"name": "t", "dimensions": dims}],
                }
            )
            assert spec is not None
            [built], _ = build_tables(workspace, spec)
            table = built.table
            rule = make_rule("min-frequency", threshold=10, protection_percent=SAFETY_RANGE)
            row: dict[str, Any] = {"cells": len(table)}
            for method in ("gauss", "milp"):
                started = time.perf_counter()
                result = protect_by_suppression(
                    [table], [rule], method=method, time_limit=TAUARGUS_TIME_LIMIT
                )
                outcome = result.tables[0]
                row["primary"] = outcome.primary
                row[method] = [
                    round(time.perf_counter() - started, 3),
                    outcome.secondary,
                    outcome.value_secondary,
                    result.audit.passed,
                ]
            for method in METHODS:
                run = tauargus_run(table, 10, method, SAFETY_RANGE, TAUARGUS_TIME_LIMIT)
                if run is None:
                    row[f"tauargus-{method}"] = "failed"
                elif run.timed_out:
                    row[f"tauargus-{method}"] = f"no result in {TAUARGUS_TIME_LIMIT} s"
                else:
                    secondary = run.secondary
                    row[f"tauargus-{method}"] = [
                        round(run.seconds, 3),
                        int(secondary.sum()),
                        float(table.values[secondary].sum()),
                    ]
            print(label, row, file=sys.stderr, flush=True)
            figures[label] = row
    return figures


PHASES = {
    "data": phase_data,
    "ingest": phase_ingest,
    "tables": phase_tables,
    "pandas": phase_pandas,
    "suppression": phase_suppression,
    "suppression-district": lambda: phase_suppression("district"),
    "suppression-province": lambda: phase_suppression("province"),
    "tauargus": phase_tauargus,
    "tauargus-large": lambda: phase_tauargus(large_only=True),
}
#: seconds a phase may run in a full ``make bench`` before it is stopped and reported so (the
#: linked suppression of the 41 tables at municipality level takes about half an hour)
PHASE_TIME_LIMIT = 2700


def run_phase(name: str) -> dict[str, Any]:
    try:
        completed = subprocess.run(
            [sys.executable, __file__, "--phase", name, "--json"],
            capture_output=True,
            text=True,
            check=True,
            timeout=PHASE_TIME_LIMIT,
        )
    except subprocess.TimeoutExpired:
        return {"finished": False, "stopped_after_seconds": PHASE_TIME_LIMIT}
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phase", choices=sorted(PHASES), help="run one phase only")
    parser.add_argument("--json", action="store_true", help="print the phase's figures as JSON")
    args = parser.parse_args()
    if args.phase:
        figures = PHASES[args.phase]()
        figures["peak_mib"] = peak_mib()
        print(json.dumps(figures) if args.json else figures)
        return
    results = {}
    phases = ("data", "ingest", "tables", "pandas", "suppression-province")
    phases += ("suppression-district", "suppression", "tauargus")
    for name in phases:
        results[name] = run_phase(name)
        print(
            f"{name:<10} "
            + ", ".join(
                f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                for k, v in results[name].items()
            ),
            flush=True,
        )
    ours = results["tables"]["build_grouping-sets_seconds"]
    pandas_seconds = results["pandas"]["groupby_seconds"]
    print(
        f"aggregation: ours {ours:.1f} s (GROUPING SETS; separate queries {results['tables']['build_separate_seconds']:.1f} s), "
        f"pandas {pandas_seconds:.1f} s: {pandas_seconds / ours:.1f}x faster"
    )
    print(
        f"41 tables + cell key: {results['tables']['tables_and_cell_key_seconds']:.1f} s, peak {results['tables']['peak_mib']:.0f} MiB"
    )


if __name__ == "__main__":
    main()
