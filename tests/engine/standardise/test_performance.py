"""standardise_many on a million values: prints the time, asserts only the result."""

from __future__ import annotations

import random
import time

import pycountry

from mechelen.engine.standardise import CountryStandardiser


def test_a_million_values_with_300_distinct(standardiser: CountryStandardiser) -> None:
    countries = list(pycountry.countries)
    distinct = [c.alpha_3 for c in countries] + [c.name for c in countries[:40]]
    distinct += ["?", "", "Belgique", "België", "stateless", " United-States"]
    rng = random.Random(7)
    values = rng.choices(distinct, k=1_000_000)
    CountryStandardiser()  # the shared index is built once, before timing
    start = time.perf_counter()
    matches = standardiser.standardise_many(values)
    elapsed = time.perf_counter() - start
    codes = [matches[value].code for value in values]
    total = time.perf_counter() - start
    print(
        f"\nstandardise_many: {len(values):,} values, {len(matches)} distinct, "
        f"{elapsed:.3f} s (with a code per row: {total:.3f} s)"
    )
    assert len(matches) == len(set(distinct))
    assert len(codes) == len(values)
