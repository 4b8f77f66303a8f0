"""Immigration or legal status columns are refused in all four languages; other columns pass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mechelen.core.microdata.firewall import (
    FIREWALL_COLUMN_RULES,
    FIREWALL_VALUE_RULES,
    MappedColumn,
    check_columns,
    check_values,
    status_phrase_in_name,
)

STATUS_COLUMNS = [
    "residence_permit",
    "ResidencePermitType",
    "visa",
    "VISA_TYPE",
    "irregular",
    "undocumented",
    "asylum_decision",
    "legal status",
    "immigration_status",
    "titre_de_sejour",
    "Titre de séjour",
    "statut_administratif",
    "sans-papiers",
    "demandeur d'asile",
    "verblijfsvergunning",
    "Verblijfsvergunningnummer",
    "verblijfsstatus",
    "asielaanvraag",
    "permiso_de_residencia",
    "situación administrativa",
    "indocumentado",
    "estatus_migratorio",
]
ORDINARY_COLUMNS = [
    "CD_NATLTY",
    "country_of_birth",
    "nationalité",
    "geboorteland",
    "pais_nacimiento",
    "age",
    "sex",
    "duree_sejour",
    "duur verblijf",
    "duración de la estancia",
    "reason",
    "visage",
    "permittivity",
    "CD_MUNTY_REFNIS",
    "civil_status",
    "native-country",
]


@pytest.mark.parametrize("name", STATUS_COLUMNS)
def test_status_columns_are_recognised(name: str) -> None:
    assert status_phrase_in_name(name), name


@pytest.mark.parametrize("name", ORDINARY_COLUMNS)
def test_ordinary_columns_pass(name: str) -> None:
    assert status_phrase_in_name(name) is None, name


def test_mapped_status_column_is_an_error_unmapped_one_a_warning() -> None:
    problems = check_columns(
        [MappedColumn("verblijfsvergunning", "keep.permit_kind"), MappedColumn("CD_SEX", "sex")],
        ["CD_SEX", "verblijfsvergunning", "visa_type"],
    )
    assert [(p.code, p.params["column"]) for p in problems] == [
        ("firewall.E001", "verblijfsvergunning"),
        ("firewall.W001", "visa_type"),
    ]


def test_a_role_named_like_a_status_is_refused_too() -> None:
    problems = check_columns([MappedColumn("col7", "keep.residence_permit")], ["col7"])
    assert [p.code for p in problems] == ["firewall.E001"]


def test_status_values_are_refused_reasons_are_not() -> None:
    reason = MappedColumn("motif", "reason_for_migration")
    assert check_values(reason, ["famille", "asile", "protection internationale", "travail"]) == []
    problems = check_values(reason, ["travail", "Sans papiers"])
    assert [p.code for p in problems] == ["firewall.E002"]


def test_rules_have_stable_ids() -> None:
    assert "status-column-name" in FIREWALL_COLUMN_RULES
    assert "status-values" in FIREWALL_VALUE_RULES


@given(st.sampled_from(STATUS_COLUMNS), st.sampled_from(["", "_", " ", "-"]), st.booleans())
def test_spelling_variants_do_not_slip_through(name: str, joiner: str, upper: bool) -> None:
    variant = joiner.join(name.split()) if joiner else name
    variant = variant.upper() if upper else variant
    assert status_phrase_in_name(f"{variant}") is not None
