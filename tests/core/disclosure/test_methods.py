"""One descriptor per method: ids written once, and everything that lists methods agrees."""

from __future__ import annotations

import pytest

from mechelen.core.disclosure import methods
from mechelen.core.disclosure.methods import (
    DOMINANCE_NK,
    GAUSS,
    MILP,
    MIN_FREQUENCY,
    P_PERCENT,
    PROTECTION_METHODS,
    UNPROTECTED,
    MethodDescriptor,
)
from mechelen.core.disclosure.rules.primary import PRIMARY_RULES, Dominance, MinFrequency, PPercent
from mechelen.core.disclosure.secondary.registry import SECONDARY_METHODS
from mechelen.core.tabulation.spec import read_spec

DESCRIPTORS = [v for v in vars(methods).values() if isinstance(v, MethodDescriptor)]


def test_every_descriptor_has_its_own_id_a_label_and_a_description() -> None:
    ids = [d.id for d in DESCRIPTORS]
    assert len(ids) == len(set(ids)) == 8
    assert UNPROTECTED not in ids
    assert all(d.label and d.description.endswith(".") for d in DESCRIPTORS)


def test_the_rules_and_secondary_methods_are_registered_under_their_descriptors_ids() -> None:
    assert (MinFrequency.rule_id, Dominance.rule_id, PPercent.rule_id) == (
        MIN_FREQUENCY.id,
        DOMINANCE_NK.id,
        P_PERCENT.id,
    )
    assert set(PRIMARY_RULES) == {MIN_FREQUENCY.id, DOMINANCE_NK.id, P_PERCENT.id}
    assert set(SECONDARY_METHODS) == {GAUSS.id, MILP.id}


@pytest.mark.parametrize("method", PROTECTION_METHODS, ids=lambda m: m.id)
def test_a_spec_accepts_every_protection_method(method: MethodDescriptor) -> None:
    document = {
        "dataset": "d",
        "tables": [{"name": "t", "dimensions": ["sex"]}],
        "protection": {"method": method.id},
    }
    spec, problems = read_spec(document)
    assert problems == []
    assert spec is not None and spec.protection.method == method.id


def test_a_spec_with_another_method_is_told_the_methods_in_their_order() -> None:
    document = {
        "dataset": "d",
        "tables": [{"name": "t", "dimensions": ["sex"]}],
        "protection": {"method": "rounding"},
    }
    _, problems = read_spec(document)
    assert [p.code for p in problems] == ["spec.E017"]
    assert problems[0].params["allowed"] == "cell-key, suppression, differential-privacy"
