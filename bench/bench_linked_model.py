"""The five linked tables of issue 10, protected flat and with the relations between dimensions.

    .venv/bin/python bench/bench_linked_model.py [--persons 20000]

Persons are drawn (fixed seed) with 35 countries of birth and citizenships, so that many cells
are small; five tables are protected by suppression (threshold 10, fast method) twice in one
process: with the dimensions flat (the model before issue 10, the baseline) and with the
relations an attacker reads from the code lists. Each pattern is then attacked with the
relations by the public audit. Prints figures only.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from pathlib import Path

from mechelen.core.microdata.mapping import read_mapping
from mechelen.core.tabulation.spec import read_spec
from mechelen.engine.ingest.pipeline import ingest
from mechelen.engine.ingest.workspace import Workspace
from mechelen.engine.publish import release as release_module
from mechelen.engine.publish.audit_release import audit_release

COUNTRIES = ["BEL"] * 60 + ["FRA"] * 6 + ["NLD"] * 5 + ["MAR"] * 5 + ["TUR"] * 4
COUNTRIES += ["ITA", "ESP", "POL", "ROU", "DEU", "PRT", "GRC", "BGR", "SYR", "AFG", "COD"]
COUNTRIES += ["CMR", "SEN", "IND", "CHN", "BRA", "USA", "CAN", "UKR", "RUS", "ALB", "SRB"]
COUNTRIES += ["XXA", "XXU", "AUS", "JPN", "PHL", "VNM", "IRQ", "IRN"]
MAPPING = {
    "dataset": "pop",
    "country": "BEL",
    "id": "id",
    "dimensions": {
        "sex": {"column": "sex"},
        "age": {"column": "age", "bands": [0, 15, 25, 35, 45, 55, 65, 75]},
        "citizenship": {"column": "citizenship"},
        "country_of_birth": {"column": "birth"},
    },
}
TABLES = [
    {"name": "citizenship", "dimensions": ["citizenship_status", "sex", "age_band"]},
    {"name": "migratory", "dimensions": ["migratory_status", "sex", "age_band"]},
    {"name": "birth-group-age", "dimensions": ["country_of_birth_group", "sex", "age_band"]},
    {"name": "birth-group", "dimensions": ["country_of_birth_group", "sex"]},
    {"name": "birth", "dimensions": ["country_of_birth", "sex"]},
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=20_000)
    args = parser.parse_args()
    rng = random.Random(3)
    folder = Path(tempfile.mkdtemp(prefix="mechelen-linked-"))
    lines = ["id,sex,age,citizenship,birth"]
    for number in range(args.persons):
        birth = rng.choice(COUNTRIES)
        citizenship = birth if rng.random() < 0.75 else rng.choice(COUNTRIES)
        lines.append(f"p{number},{rng.choice('FM')},{rng.randint(0, 95)},{citizenship},{birth}")
    (folder / "pop.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    workspace = Workspace(folder / "ws")
    mapping, _ = read_mapping(MAPPING)
    assert mapping is not None
    ingest(workspace, folder / "pop.csv", mapping, "")
    spec, _ = read_spec(
        {
            "dataset": "pop",
            "release": "five",
            "tables": TABLES,
            "protection": {"method": "suppression", "threshold": 10, "secondary": "gauss"},
        }
    )
    assert spec is not None
    relations_of = release_module.release_relations
    figures: dict[str, object] = {"persons": args.persons}
    relations: list[object] = []
    for model in ("linked", "flat"):
        if model == "flat":
            release_module.release_relations = lambda tables, country: ()
        started = time.perf_counter()
        made = release_module.make_release(
            workspace, spec, "", folder / model, "bench", published=[]
        )
        seconds = time.perf_counter() - started
        release_module.release_relations = relations_of
        meta_path = made.folder / "release.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if model == "linked":
            relations = meta["relations"]
        else:  # the attacker reads the relations from the code lists anyway
            meta["relations"] = relations
            meta_path.write_text(json.dumps(meta), encoding="utf-8")
        attacked = audit_release(made.folder)
        figures[model] = {
            "primary": sum(t.report.suppressed_primary for t in made.tables),
            "secondary": sum(t.report.suppressed_secondary for t in made.tables),
            "seconds": round(seconds, 2),
            "attacked_with_relations": {
                "suppressed": attacked.suppressed,
                "too_narrow": len(attacked.narrow),
                "exact": sum(1 for c in attacked.narrow if c.lower == c.upper),
            },
        }
    workspace.close()
    figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
