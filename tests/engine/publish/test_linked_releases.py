"""Releases protected as the attacker sees them: with the relations between dimensions, with
every earlier release of the same data, and with the populations their filters describe.

The attacker here is the public audit (:func:`audit_release`), which reads only the published
folders; its relations come from each ``release.json``, so anyone can re-run it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mechelen.engine.ingest.workspace import Workspace
from mechelen.engine.publish import release as release_module
from mechelen.engine.publish.audit_release import audit_release
from mechelen.engine.publish.release import make_release
from tests.core.disclosure.atoms import attack, narrowed
from tests.engine.publish.linked_population import (
    population_workspace,
    published_tables,
    random_tables,
    suppression_spec,
)

#: the five tables of issue 10, on our own synthetic persons
FIVE = [
    {"name": "citizenship", "dimensions": ["citizenship_status", "sex", "age_band"]},
    {"name": "migratory", "dimensions": ["migratory_status", "sex", "age_band"]},
    {"name": "birth-group-age", "dimensions": ["country_of_birth_group", "sex", "age_band"]},
    {"name": "birth-group", "dimensions": ["country_of_birth_group", "sex"]},
    {"name": "birth", "dimensions": ["country_of_birth", "sex"]},
]


def test_the_five_tables_hold_against_the_relations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Protected as flat dimensions (the code before this test), the five tables leave cells
    that the relations pin down to their exact count; with the relations, none."""
    workspace, _ = population_workspace(tmp_path, seed=3)
    spec = suppression_spec("five", FIVE)
    protected = make_release(workspace, spec, "", tmp_path / "linked", "tester")
    meta = json.loads((protected.folder / "release.json").read_text(encoding="utf-8"))
    described = {(r["dimension"], tuple(r["from"])) for r in meta["relations"]}
    assert described == {
        ("country_of_birth_group", ("country_of_birth",)),
        ("citizenship_status", ("migratory_status",)),
        # through the birth status that no table publishes (its cells join the system)
        ("birth_status", ("country_of_birth",)),
        ("birth_status", ("country_of_birth_group",)),
        ("birth_status", ("migratory_status",)),
    }
    result = audit_release(protected.folder)
    assert result.passed, result.narrow[:3]

    flat_relations = release_module.release_relations
    monkeypatch.setattr(release_module, "release_relations", lambda tables, country: ())
    flat = make_release(workspace, spec, "", tmp_path / "flat", "tester", published=[])
    monkeypatch.setattr(release_module, "release_relations", flat_relations)
    flat_meta = json.loads((flat.folder / "release.json").read_text(encoding="utf-8"))
    assert flat_meta["relations"] == []
    assert audit_release(flat.folder).passed  # the flat attacker sees nothing
    flat_meta["relations"] = meta["relations"]  # what anyone reads from the code lists
    (flat.folder / "release.json").write_text(json.dumps(flat_meta), encoding="utf-8")
    attacked = audit_release(flat.folder)
    exact = [cell for cell in attacked.narrow if cell.lower == cell.upper]
    assert exact, "the relations recover suppressed cells exactly"
    workspace.close()


#: seeds of random pairs of releases where protecting the second alone leaks with the first
#: (found by a search over 40 seeds: 2 and 10 with filters, 23 without)
LEAKY_SEEDS = [2, 10, 23]


@pytest.mark.parametrize("seed", LEAKY_SEEDS)
def test_a_release_is_protected_with_what_was_published_before(tmp_path: Path, seed: int) -> None:
    workspace, rng = population_workspace(tmp_path, seed)
    first_filters = rng.choice([None, None, {"age": {"min": 18}}])
    second_filters = rng.choice([None, {"age": {"min": 18}}, {"sex": ["F"]}])
    first_spec = suppression_spec("one", random_tables(rng), first_filters)
    second_spec = suppression_spec("two", random_tables(rng), second_filters)
    first = make_release(workspace, first_spec, "", tmp_path / "one", "tester")
    # by default, a release is protected with every release of its dataset in the log
    together = make_release(workspace, second_spec, "", tmp_path / "together", "tester")
    meta = json.loads((together.folder / "release.json").read_text(encoding="utf-8"))
    assert meta["published_before"] == ["one"]
    result = audit_release(together.folder, [first.folder])
    assert result.passed, result.narrow[:3]
    assert result.audited_with == ["one"]
    # protected alone, it passes its own audit but not the attack with the first
    alone = make_release(workspace, second_spec, "", tmp_path / "alone", "tester", published=[])
    assert audit_release(alone.folder).passed
    assert not audit_release(alone.folder, [first.folder]).passed
    workspace.close()


def test_a_release_of_a_changed_dataset_is_left_out(tmp_path: Path) -> None:
    """Earlier releases are rebuilt from the workspace: one whose published cells no longer
    match the data (a new version was ingested) cannot be, and is named as left out."""
    from mechelen.engine.publish.earlier import earlier_releases

    workspace, _ = population_workspace(tmp_path, seed=4)
    spec = suppression_spec("one", [{"name": "t", "dimensions": ["sex", "age_band"]}])
    first = make_release(workspace, spec, "", tmp_path / "one", "tester")
    path = first.folder / "t.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    header, row = text[0].split(","), text[1].split(",")
    row[header.index("value")] = "99999"
    path.write_text("\n".join([text[0], ",".join(row), *text[2:]]) + "\n", encoding="utf-8")
    found = earlier_releases(workspace, "pop", [first.folder])
    assert found.found == () and found.left_out == ((str(first.folder), "data-changed"),)
    workspace.close()


def test_a_release_an_earlier_one_leaves_unprotectable_is_refused(tmp_path: Path) -> None:
    """Asia's men (10) were published by country-of-birth group; 8 of them were born in India
    and 2 in China. A table by country of birth cannot protect the 8 (their interval would
    have to reach 13, above Asia's 10): it is refused and nothing is written."""
    from mechelen.core.microdata.mapping import read_mapping
    from mechelen.core.problems import ProblemsFound
    from mechelen.engine.ingest.pipeline import ingest
    from mechelen.engine.ingest.workspace import Workspace
    from tests.engine.publish.linked_population import MAPPING

    rows = ["id,sex,age,citizenship,birth"]
    people = [("M", "IND")] * 8 + [("M", "CHN")] * 2 + [("F", "BEL")] * 40 + [("M", "BEL")] * 40
    for number, (sex, country) in enumerate(people):
        rows.append(f"p{number},{sex},40,{country},{country}")
    (tmp_path / "pop.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    workspace = Workspace(tmp_path / "ws")
    mapping, _ = read_mapping(MAPPING)
    assert mapping is not None
    ingest(workspace, tmp_path / "pop.csv", mapping, "")
    groups = [{"name": "groups", "dimensions": ["country_of_birth_group", "sex"]}]
    make_release(workspace, suppression_spec("one", groups), "", tmp_path / "one", "tester")
    countries = [{"name": "countries", "dimensions": ["country_of_birth", "sex"]}]
    with pytest.raises(ProblemsFound) as refused:
        make_release(workspace, suppression_spec("two", countries), "", tmp_path / "two", "tester")
    assert [p.code for p in refused.value.problems] == ["audit.E004"]
    assert refused.value.problems[0].params["earlier"] == "one"
    assert not (tmp_path / "two").exists()
    # alone (nothing published before) it is protected
    alone = make_release(
        workspace, suppression_spec("two", countries), "", tmp_path / "alone", "t", published=[]
    )
    assert audit_release(alone.folder).passed
    workspace.close()


def test_the_audit_leaves_out_other_datasets_and_versions(tmp_path: Path) -> None:
    """Found by the red team: the web passes every published release of a city to the audit;
    one of another dataset, or of another version of the same (a cell published with another
    value), made the audit fail with disclosure.E001 and blocked every later release. They
    are left out and named."""
    workspace, _ = population_workspace(tmp_path, seed=4)
    tables = [{"name": "t", "dimensions": ["sex", "age_band"]}]
    first = make_release(workspace, suppression_spec("one", tables), "", tmp_path / "one", "t")
    second = make_release(workspace, suppression_spec("two", tables), "", tmp_path / "two", "t")
    workspace.close()
    other = tmp_path / "other"
    shutil.copytree(first.folder, other)
    meta = json.loads((other / "release.json").read_text(encoding="utf-8"))
    meta["dataset"], meta["release"] = "another", "other"
    (other / "release.json").write_text(json.dumps(meta), encoding="utf-8")
    changed = tmp_path / "changed"
    shutil.copytree(first.folder, changed)
    meta = json.loads((changed / "release.json").read_text(encoding="utf-8"))
    meta["release"] = "changed"
    (changed / "release.json").write_text(json.dumps(meta), encoding="utf-8")
    lines = (changed / "t.csv").read_text(encoding="utf-8").splitlines()
    header, row = lines[0].split(","), lines[1].split(",")
    row[header.index("value")] = str(int(row[header.index("value")]) + 1)
    (changed / "t.csv").write_text("\n".join([lines[0], ",".join(row), *lines[2:]]) + "\n")
    result = audit_release(second.folder, [first.folder, other, changed])
    assert result.passed and result.audited_with == ["one"]
    assert result.left_out == [("other", "other-dataset"), ("changed", "data-changed")]


def test_tables_that_meet_only_through_a_status_hold_against_persons(tmp_path: Path) -> None:
    """Found by the red team: persons by country of birth and by migratory status share no
    dimension and no direct relation, yet both sum to the birth status (the native-born are
    those born in the country, and the native-born citizens plus non-citizens). Without the
    status tables nobody publishes, the audit passed while a person-level attacker recovered
    36 suppressed cells exactly; with them, it narrows no sensitive cell."""
    import itertools

    from mechelen.core.tabulation.hierarchy import TOTAL
    from mechelen.engine.tables.build import build_tables
    from mechelen.engine.tables.relations import birth_status, citizenship_status

    workspace, _ = population_workspace(tmp_path, seed=1)
    tables = [
        {"name": "birth", "dimensions": ["country_of_birth", "sex", "age_band"]},
        {"name": "migratory", "dimensions": ["migratory_status", "sex", "age_band"]},
    ]
    spec = suppression_spec("status", tables)
    made = make_release(workspace, spec, "", tmp_path / "status", "tester")
    truth = {b.table.name: b.table for b in build_tables(workspace, spec)[0]}
    countries = workspace.con.execute(
        "SELECT DISTINCT country_of_birth FROM data__pop UNION "
        "SELECT DISTINCT citizenship FROM data__pop"
    ).fetchall()
    workspace.close()
    codes = sorted(str(c[0]) for c in countries)
    bands = [k for k in truth["birth"].hierarchies["age_band"].codes if k != TOTAL]
    atoms = list(itertools.product(codes, codes, ["F", "M"], bands))
    meaning = {
        "country_of_birth": lambda a: a[0],
        "migratory_status": lambda a: (
            f"{birth_status(a[0], 'BEL')}/{citizenship_status(a[1], 'BEL')}"
        ),
        "sex": lambda a: a[2],
        "age_band": lambda a: a[3],
    }
    published = published_tables(made.folder, truth, lambda atom: True)
    assert narrowed([p.table for p in published], attack(published, atoms, meaning)) == []
    assert audit_release(made.folder).passed


def few_foreigners_workspace(folder: Path, seed: int) -> Workspace:
    """The red team's data: 300 to 1,000 persons, 90% Belgian citizens, the others Moroccan
    or French, bands 0-14, 15-19, 20-34, 35-64, 65+."""
    import random

    from mechelen.core.microdata.mapping import read_mapping
    from mechelen.engine.ingest.pipeline import ingest
    from tests.engine.publish.linked_population import MAPPING

    rng = random.Random(seed)
    lines = ["id,sex,age,citizenship,birth"]
    for number in range(rng.choice([300, 600, 1000])):
        citizenship = "BEL" if rng.random() < 0.9 else rng.choice(["MAR", "FRA"])
        birth = citizenship if rng.random() < 0.8 else rng.choice(["BEL", "MAR", "FRA"])
        lines.append(f"p{number},{rng.choice('FM')},{rng.randint(0, 95)},{citizenship},{birth}")
    (folder / "pop.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    workspace = Workspace(folder / "ws")
    mapping, _ = read_mapping(
        {
            **MAPPING,
            "dimensions": {
                **MAPPING["dimensions"],
                "age": {"column": "age", "bands": [0, 15, 20, 35, 65]},
            },
        }  # type: ignore[dict-item]
    )
    assert mapping is not None
    ingest(workspace, folder / "pop.csv", mapping, "")
    return workspace


@pytest.mark.parametrize(
    ("seed", "filters", "keeps"),
    [
        (7, {"age": {"min": 20}}, lambda atom: atom[2] not in ("0-14", "15-19", "_U")),
        (4, {"sex": ["F"]}, lambda atom: atom[1] == "F"),
    ],
    ids=["adults", "women"],
)
def test_a_population_beside_everyone_in_fewer_dimensions_holds(
    tmp_path: Path, seed: int, filters: dict[str, object], keeps: object
) -> None:
    """Found by the red team: everyone by citizenship status, age band and sex, then adults
    (or women) by citizenship status and age band only. The rest between the populations was
    built only between tables of the same dimensions, so the audit passed while a person-level
    attacker recovered small cells exactly (non-citizen adults aged 20-34 = 44 - 15 - 20 = 9).
    The rest is now built on the smaller table's cells, the women split by sex."""
    import itertools

    from mechelen.core.tabulation.hierarchy import TOTAL
    from mechelen.engine.tables.build import build_tables
    from mechelen.engine.tables.relations import citizenship_status

    workspace = few_foreigners_workspace(tmp_path, seed)
    everyone = suppression_spec(
        "everyone", [{"name": "all", "dimensions": ["citizenship_status", "age_band", "sex"]}]
    )
    part = suppression_spec(
        "part", [{"name": "part", "dimensions": ["citizenship_status", "age_band"]}], filters
    )
    first = make_release(workspace, everyone, "", tmp_path / "everyone", "tester")
    second = make_release(workspace, part, "", tmp_path / "part", "tester")
    truth = {b.table.name: b.table for s in (everyone, part) for b in build_tables(workspace, s)[0]}
    citizenships = [
        str(r[0])
        for r in workspace.con.execute("SELECT DISTINCT citizenship FROM data__pop").fetchall()
    ]
    workspace.close()
    bands = [c for c in truth["all"].hierarchies["age_band"].codes if c != TOTAL]
    atoms = list(itertools.product(citizenships, ["F", "M"], bands))
    meaning = {
        "citizenship_status": lambda a: citizenship_status(a[0], "BEL"),
        "sex": lambda a: a[1],
        "age_band": lambda a: a[2],
    }
    published = published_tables(first.folder, truth, lambda atom: True)
    published += published_tables(second.folder, truth, keeps)  # type: ignore[arg-type]
    assert narrowed([p.table for p in published], attack(published, atoms, meaning)) == []
    assert audit_release(second.folder, [first.folder]).passed


def test_a_deleted_release_folder_is_not_forgotten(tmp_path: Path) -> None:
    """Found by the red team: deleting an earlier release's folder made the next release
    forget it (33 cells narrowed). The workspace keeps what each suppression release
    published, and later releases are protected with it."""
    workspace, rng = population_workspace(tmp_path, seed=23)
    first = make_release(
        workspace, suppression_spec("one", random_tables(rng)), "", tmp_path / "one", "t"
    )
    kept = tmp_path / "kept-one"
    shutil.copytree(first.folder, kept)
    shutil.rmtree(first.folder)
    second_spec = suppression_spec("two", random_tables(rng))
    second = make_release(workspace, second_spec, "", tmp_path / "two", "t")
    meta = json.loads((second.folder / "release.json").read_text(encoding="utf-8"))
    assert meta["published_before"] == ["one"]
    assert audit_release(second.folder, [kept]).passed
    workspace.close()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_populations_that_do_not_nest_are_compared_through_everyone(
    tmp_path: Path, seed: int
) -> None:
    """Found by the red team: adults and women published, everyone never. Each sits inside
    everyone, whom the attacker reasons about all the same: unlinked, the two releases gave
    46 cells away (seeds 1-5). Everyone's tables now join the system as cells nobody
    publishes, and both populations are compared with them."""
    import itertools

    from mechelen.core.tabulation.hierarchy import TOTAL
    from mechelen.engine.tables.build import build_tables
    from mechelen.engine.tables.relations import citizenship_status

    workspace = few_foreigners_workspace(tmp_path, seed)
    dims = ["citizenship_status", "age_band", "sex"]
    adults = suppression_spec("adults", [{"name": "a", "dimensions": dims}], {"age": {"min": 20}})
    women = suppression_spec("women", [{"name": "w", "dimensions": dims}], {"sex": ["F"]})
    first = make_release(workspace, adults, "", tmp_path / "adults", "tester")
    second = make_release(workspace, women, "", tmp_path / "women", "tester")
    truth = {b.table.name: b.table for s in (adults, women) for b in build_tables(workspace, s)[0]}
    everyone = suppression_spec("all", [{"name": "all", "dimensions": dims}])
    bands = list(build_tables(workspace, everyone)[0][0].table.hierarchies["age_band"].codes)
    citizenships = [
        str(r[0])
        for r in workspace.con.execute("SELECT DISTINCT citizenship FROM data__pop").fetchall()
    ]
    workspace.close()
    atoms = list(itertools.product(citizenships, ["F", "M"], [b for b in bands if b != TOTAL]))
    meaning = {
        "citizenship_status": lambda a: citizenship_status(a[0], "BEL"),
        "sex": lambda a: a[1],
        "age_band": lambda a: a[2],
    }
    keeps = {
        "adults": lambda a: a[2] not in ("0-14", "15-19", "_U"),
        "women": lambda a: a[1] == "F",
    }
    published = published_tables(first.folder, truth, keeps["adults"])
    published += published_tables(second.folder, truth, keeps["women"])
    assert narrowed([p.table for p in published], attack(published, atoms, meaning)) == []
    assert audit_release(second.folder, [first.folder]).passed
