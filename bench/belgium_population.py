"""Expand the Statbel 2015 counts into one record per resident of Belgium (11.2 million).

Each record keeps its municipality, district, province, region, sex, single year of age,
nationality group and civil status from Statbel. Citizenship of foreign nationals and country
of birth are drawn, per sex, from the UN DESA 2020 international migrant stock in Belgium
(origin x sex): foreign nationals are born abroad with probability 0.85 (in their country of
citizenship), Belgians with the probability that brings the foreign-born total to UN DESA's
2.0 million. Draws use hashes of the record number, so the file is the same on every run.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

DATA = next(
    (
        folder
        for folder in (
            Path(os.environ.get("MECHELEN_SHARED_DATA", "/nonexistent")),
            Path(__file__).resolve().parents[2] / "shared" / "data",
            Path("/work/shared/data"),
        )
        if folder.is_dir()
    ),
    Path("/work/shared/data"),
)
STATBEL = DATA / "statbel_population_by_municipality_2015.csv.gz"
DESA = DATA / "undesa_migrant_stock_2020_origin_destination_sex.csv.gz"
FOREIGN_NATIONALS_BORN_ABROAD = 0.85


def uniform(salt: str) -> str:
    return f"(hash(id || '{salt}') / 18446744073709551615.0)"


def write_population(target: Path) -> int:
    """Write the records to ``target`` (Parquet); return how many."""
    con = duckdb.connect()
    con.execute(f"CREATE TABLE statbel AS SELECT * FROM read_csv('{STATBEL}', all_varchar=true)")
    con.execute(
        f"""CREATE TABLE desa AS
        SELECT "from" AS origin, CASE sex WHEN 'Male' THEN 'M' ELSE 'F' END AS sex, v,
               sum(v) OVER (PARTITION BY sex ORDER BY "from") / sum(v) OVER (PARTITION BY sex) AS hi
        FROM read_csv('{DESA}') WHERE "to" = 'BEL' AND t = 2020"""
    )
    con.execute(
        "CREATE TABLE desa_ranges AS SELECT origin, sex, hi, COALESCE(lag(hi) OVER (PARTITION BY sex ORDER BY hi), 0) AS lo FROM desa"
    )
    foreign_born = con.execute("SELECT sum(v) FROM desa").fetchone()[0]  # type: ignore[index]
    nationals = con.execute(
        "SELECT sum(CASE WHEN CD_NATLTY = 'BEL' THEN MS_POPULATION::BIGINT ELSE 0 END), "
        "sum(CASE WHEN CD_NATLTY <> 'BEL' THEN MS_POPULATION::BIGINT ELSE 0 END) FROM statbel"
    ).fetchone()
    assert nationals is not None
    belgians, foreigners = nationals
    belgians_abroad = (foreign_born - FOREIGN_NATIONALS_BORN_ABROAD * foreigners) / belgians
    con.execute(
        """CREATE TABLE persons AS
        SELECT 'p' || row_number() OVER () AS id, s.* EXCLUDE (MS_POPULATION)
        FROM statbel s, range(s.MS_POPULATION::BIGINT) r(i)"""
    )
    con.execute(
        f"""COPY (
            SELECT p.id, p.CD_MUNTY_REFNIS, p.TX_MUNTY_DESCR_FR, p.CD_DSTR_REFNIS, p.CD_PROV_REFNIS,
                   p.CD_RGN_REFNIS, p.CD_SEX, p.CD_AGE, p.CD_CIV_STS,
                   CASE WHEN p.CD_NATLTY = 'BEL' THEN 'BEL' ELSE drawn.origin END AS citizenship,
                   CASE
                     WHEN p.CD_NATLTY <> 'BEL' AND {uniform("b")} < {FOREIGN_NATIONALS_BORN_ABROAD} THEN drawn.origin
                     WHEN p.CD_NATLTY = 'BEL' AND {uniform("b")} < {belgians_abroad} THEN drawn2.origin
                     ELSE 'BEL'
                   END AS country_of_birth
            FROM persons p
            JOIN desa_ranges drawn ON drawn.sex = p.CD_SEX AND {uniform("c")} >= drawn.lo AND {uniform("c")} < drawn.hi
            JOIN desa_ranges drawn2 ON drawn2.sex = p.CD_SEX AND {uniform("d")} >= drawn2.lo AND {uniform("d")} < drawn2.hi
        ) TO '{target}' (FORMAT parquet)"""
    )
    count = con.execute(f"SELECT count(*) FROM read_parquet('{target}')").fetchone()
    return int(count[0]) if count else 0


MAPPING = """\
dataset: belgium-persons
country: BEL
id: id
geography:
  - {level: municipality, column: CD_MUNTY_REFNIS, label: TX_MUNTY_DESCR_FR}
  - {level: district, column: CD_DSTR_REFNIS}
  - {level: province, column: CD_PROV_REFNIS}
  - {level: region, column: CD_RGN_REFNIS}
dimensions:
  sex: {column: CD_SEX}
  age: {column: CD_AGE, bands: [0, 15, 25, 35, 45, 55, 65, 75, 85]}
  citizenship: {column: citizenship, values: {XXX: other}}
  country_of_birth: {column: country_of_birth, values: {XXX: other}}
keep:
  civil_status: CD_CIV_STS
"""

if __name__ == "__main__":
    import sys
    import time

    started = time.perf_counter()
    n = write_population(Path(sys.argv[1]))
    print(f"{n:,} records in {time.perf_counter() - started:.1f} s")
