"""Immigration or legal status columns are refused; other columns pass; the vocabulary file
is read by a pure function that refuses a malformed row (the wide table of names and values
is in test_firewall_vocabulary.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mechelen.core.microdata.firewall import (
    FIREWALL_COLUMN_RULES,
    FIREWALL_VALUE_RULES,
    MappedColumn,
    ValueCount,
    check_columns,
    check_values,
    status_like,
    status_phrase_in_name,
)
from mechelen.core.microdata.status_vocabulary import (
    StatusMatcher,
    VocabularyError,
    parse_terms,
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
    values = ["famille", "asile", "protection internationale", "travail"]
    assert check_values(reason, [ValueCount(v, i + 2, 1) for i, v in enumerate(values)]) == []
    counts = [ValueCount("travail", 2, 5), ValueCount("Sans papiers", 4, 2)]
    problems = check_values(reason, counts)
    assert [p.code for p in problems] == ["firewall.E002"]
    assert "Sans papiers" not in repr(problems) and "sans" not in repr(problems).lower()


def test_status_like_values_of_any_column() -> None:
    assert status_like(["34", "Duldung", "12025", "réfugié", "Malines"]) == {"Duldung", "réfugié"}


HEADER = "term,languages,applies_to,match,note\n"


def test_terms_are_parsed_from_csv_text() -> None:
    terms = parse_terms(
        HEADER + "# a comment line\n"
        "permiso(s) (de) residencia,es,both,start,\n"
        "visa(s),en fr,both,word,not Visaginas\n"
        "permis de conduire,fr,allow,word,\n"
        "permis,fr,both,word,\n"
        "duldung,de,value,part,\n"
    )
    assert [(t.term, t.languages) for t in terms][:2] == [
        ("permiso(s) (de) residencia", ("es",)),
        ("visa(s)", ("en", "fr")),
    ]
    names, values = StatusMatcher(terms, "name"), StatusMatcher(terms, "value")
    for spelling in ("permisoResidencia", "PERMISOS-DE-RESIDENCIA", "permisos.residencia_tipo"):
        assert names.search(spelling), spelling
    assert names.search("visas") and not names.search("Visaginas")
    assert names.search("permis B") and not names.search("permis de conduire")
    assert names.search("Duldung") is None  # a value-only term
    assert values.search("Ausbildungsduldung") == "duldung"


@pytest.mark.parametrize(
    "text",
    [
        "term,languages,applies_to\nvisa,en,both\n",  # no match column
        HEADER + "visa,english,both,word,\n",
        HEADER + "visa,,both,word,\n",
        HEADER + "visa,en,somewhere,word,\n",
        HEADER + "visa,en,both,anywhere,\n",
        HEADER + "(s),en,both,word,\n",
    ],
)
def test_a_malformed_vocabulary_is_refused(text: str) -> None:
    with pytest.raises(VocabularyError):
        parse_terms(text)


def test_rules_have_stable_ids() -> None:
    assert "status-column-name" in FIREWALL_COLUMN_RULES
    assert "status-values" in FIREWALL_VALUE_RULES


@given(st.sampled_from(STATUS_COLUMNS), st.sampled_from(["", "_", " ", "-"]), st.booleans())
def test_spelling_variants_do_not_slip_through(name: str, joiner: str, upper: bool) -> None:
    variant = joiner.join(name.split()) if joiner else name
    variant = variant.upper() if upper else variant
    assert status_phrase_in_name(f"{variant}") is not None
