"""Every interface string is translated into French and Spanish, placeholders intact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from mechelen.core.indicators import Observation, ProgressTrack, Target, assess_progress
from mechelen.core.messages import MESSAGES
from mechelen.core.problems import Location, Problem
from mechelen.i18n import (
    catalogue,
    plural_catalogue,
    plural_translator,
    render_location,
    render_message,
    render_problem,
    translator,
)

SRC = Path(__file__).resolve().parents[2] / "src"
#: the web platform has its own Django catalogues (src/mechelen/web/locale, tests/web)
METHOD_MAP = [
    ("mechelen/web/**", "ignore"),
    ("**.py", "python"),
    ("**/templates/**.html", "jinja2"),
]
PLACEHOLDER = re.compile(r"\{\w*\}")


def source_strings() -> set[str]:
    found = extract_from_dir(str(SRC), METHOD_MAP, keywords={"_": None, "N_": None})
    return {
        message for _file, _line, message, _comments, _context in found if isinstance(message, str)
    }


def plural_source_strings() -> set[tuple[str, str]]:
    """(singular, plural) of every ``ngettext(singular, plural, n)`` call."""
    found = extract_from_dir(str(SRC), METHOD_MAP, keywords={"ngettext": (1, 2)})
    return {
        (message[0], message[1])
        for _file, _line, message, _comments, _context in found
        if isinstance(message, tuple)
    }


def test_counts_take_the_plural_of_the_language() -> None:
    ngettext = {lang: plural_translator(lang) for lang in ("en", "fr", "es")}
    one, many = (
        "{count} file in {folder}; content hash {hash}",
        "{count} files in {folder}; content hash {hash}",
    )
    assert [ngettext["en"](one, many, n) for n in (1, 2)] == [one, many]
    assert ngettext["fr"](one, many, 0).startswith("{count} fichier dans")  # French: 0 is singular
    assert ngettext["fr"](one, many, 2).startswith("{count} fichiers dans")
    assert ngettext["es"](one, many, 0).startswith("{count} archivos en")
    assert ngettext["es"](one, many, 1).startswith("{count} archivo en")
    assert plural_translator("de")(one, many, 1) == one


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_every_plural_string_is_translated_with_its_placeholders(lang: str) -> None:
    plurals = plural_source_strings()
    assert (
        "{count} rejected row written to {path}",
        "{count} rejected rows written to {path}",
    ) in plurals
    messages = plural_catalogue(lang)
    missing = sorted(singular for singular, _plural in plurals if singular not in messages)
    assert missing == [], f"translate every form: {missing}"
    for singular, plural in plurals:
        for form in messages[singular]:
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(plural)), form


def test_extraction_finds_the_interface_strings() -> None:
    strings = source_strings()
    assert "Ranked priorities" in strings and "Joint initial assessment" in strings
    assert set(MESSAGES.values()) <= strings


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_every_string_is_translated_with_its_placeholders(lang: str) -> None:
    messages = catalogue(lang)
    missing = sorted(s for s in source_strings() if s not in messages)
    assert missing == [], f"run 'make messages' and translate: {missing}"
    for source, translated in messages.items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translated)), (
            source
        )


def test_problems_render_in_each_language() -> None:
    problem = Problem(
        "assess.E008",
        {"value": "7", "low": 0, "high": 4},
        Location("f.xlsx", sheet="S", row=9, column="E"),
    )
    assert render_problem(problem) == (
        "The score '7' is not allowed; expected a whole number from 0 to 4, or an empty cell for no answer."
    )
    assert "'7'" in render_problem(problem, "fr") and "0" in render_problem(problem, "es")
    assert render_location(problem.location, "fr") == "f.xlsx, feuille 'S', ligne 9, colonne E"


def test_parameter_terms_are_translated() -> None:
    problem = Problem("framework.E004", {"field": "x", "expected": "text", "found": "list"})
    assert "un texte" in render_problem(problem, "fr")


def test_unknown_language_falls_back_to_english() -> None:
    assert translator("de")("Ranked priorities") == "Ranked priorities"


def test_progress_reasons_render_in_each_language() -> None:
    track = ProgressTrack(
        "higher-is-better", Observation(2018, 120), Target(240, 2030), (Observation(2022, 150),)
    )
    reason = assess_progress(track).reason
    assert render_message(reason.code, reason.params) == (
        "The actual rate +5.74% a year is 0.96 of the required +5.95% (compound rates), "
        "at least 0.95."
    )
    assert "taux composé" in render_message(reason.code, reason.params, "fr")
    assert "tasa compuesta" in render_message(reason.code, reason.params, "es")
