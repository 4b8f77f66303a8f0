"""The cell key method: the documented default p-table, and agreement with the ONS package."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from cell_key_perturbation.create_perturbed_table import create_perturbed_table
from hypothesis import given
from hypothesis import strategies as st

from mechelen.core.disclosure.perturbative.cell_key import (
    KEY_RANGE,
    PerturbationTable,
    default_ptable,
    perturb,
)


def test_default_ptable_is_unbiased_small_and_never_negative() -> None:
    table = default_ptable()
    assert table.noise.shape == (751, KEY_RANGE)
    for pcv in (1, 2, 3, 10, 500, 750):
        row = table.noise[pcv]
        assert abs(row.mean()) < 1e-9, pcv
        assert np.all(pcv + row >= 0) and np.abs(row).max() <= 2
    assert table.noise[100].var() == pytest.approx(0.8, abs=0.01)
    assert np.all(table.noise[0] == 0)


def test_large_counts_reuse_rows_501_to_750_as_ons_does() -> None:
    table = default_ptable()
    counts = np.array([750, 751, 1000, 1001])
    assert list(table.pcv(counts)) == [750, 501, 750, 501]


def test_threshold_after_perturbation() -> None:
    result = perturb(np.array([0, 9, 10, 11, 200]), np.array([0, 3, 200, 255, 17]), threshold=10)
    assert np.isnan(result.published[0]) and result.suppressed[0]
    shown = ~result.suppressed
    assert np.all(result.published[shown] >= 10)


def ons_ptable(table: PerturbationTable) -> pd.DataFrame:
    return pd.DataFrame(list(table.rows()), columns=["pcv", "ckey", "pvalue"])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agrees_with_the_ons_reference_implementation(seed: int) -> None:
    rng = np.random.default_rng(seed)
    people = 20_000
    micro = pd.DataFrame(
        {
            "area": rng.choice(["a", "b", "c", "d"], people),
            "sex": rng.choice(["F", "M"], people),
            "age": rng.choice(
                [f"band{i}" for i in range(12)],
                people,
                p=np.linspace(0.2, 0.01, 12) / np.linspace(0.2, 0.01, 12).sum(),
            ),
            "record_key": rng.integers(0, KEY_RANGE, people),
        }
    )
    table = default_ptable()
    reference = create_perturbed_table(
        micro, ons_ptable(table), ["area"], ["sex", "age"], "record_key", threshold=10
    )
    ours = (
        micro.groupby(["area", "sex", "age"])
        .agg(n=("record_key", "size"), k=("record_key", "sum"))
        .reset_index()
    )
    result = perturb(ours["n"].to_numpy(), ours["k"].to_numpy(), table, threshold=10)
    ours["count"] = result.published
    merged = reference.merge(ours, on=["area", "sex", "age"], suffixes=("_ons", "_ours"))
    assert len(merged) == len(reference) == len(ours)
    ons_values = merged["count_ons"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    assert np.array_equal(ons_values, merged["count_ours"].to_numpy(), equal_nan=True)
    assert np.array_equal(
        merged["ckey"].to_numpy(),
        ours.set_index(["area", "sex", "age"])
        .loc[list(zip(merged.area, merged.sex, merged.age, strict=True)), "k"]
        .to_numpy()
        % KEY_RANGE,
    )


@given(
    st.lists(st.integers(0, KEY_RANGE - 1), min_size=1, max_size=60),
    st.integers(0, 3),
    st.integers(1, 20),
)
def test_no_published_count_under_the_threshold(
    keys: list[int], extra: int, threshold: int
) -> None:
    counts = np.array([len(keys) + extra, len(keys)])
    sums = np.array([sum(keys), sum(keys)])
    result = perturb(counts, sums, threshold=threshold)
    shown = ~result.suppressed
    assert np.all(result.published[shown] >= threshold)
    assert np.all(np.isnan(result.published[result.suppressed]))
