"""The firewall vocabulary: the words that name or state an immigration or legal status.

The words are data, in ``data/status_terms.csv`` (one term a row, with its languages), so that
a language or a local word is added without touching the code (docs/statistics.md, "The
firewall"). Each row says where the term applies (column ``name``\\s, category ``value``\\s,
``both``, or ``allow`` for an exception such as "permis de conduire") and how it matches:

- ``word``: whole words only ("permit" but not "permittivity", "visa" but not "Visaginas");
- ``start``: the start of a word, so that compounds go on ("asylum" in "asylumDecision",
  "asyl" in "Asylbewerber");
- ``part``: anywhere, even inside a compound ("duldung" in "Ausbildungsduldung").

Both the text and the terms are normalised first (:func:`normalise`): case, accents and
separators do not matter. In a term, a separator between parts matches any separator or none
("titre de sejour" matches "titreDeSejour", "titre_de_sejour" and "titredesejour"), and
letters in brackets are optional ("permit(s)", "permiso(s) (de) residencia").

:func:`parse_terms` is pure; :func:`packaged_vocabulary` reads the packaged file once.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from mechelen.core.microdata.normalise import normalise

TERMS_FILE = "data/status_terms.csv"
FIELDS = ("term", "languages", "applies_to", "match")
APPLIES_TO = ("name", "value", "both", "allow")
MATCHES = ("word", "start", "part")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_OPTIONAL = re.compile(r"\(([^()]*)\)")
_PARTS = re.compile(r"[\s\-_.'\u2019]+")
_BEFORE = r"(?<![a-z0-9])"
_AFTER = r"(?![a-z0-9])"


class VocabularyError(ValueError):
    """A row of the vocabulary file that cannot be read (a mistake in the data file)."""


@dataclass(frozen=True)
class StatusTerm:
    term: str
    languages: tuple[str, ...]
    applies_to: str
    match: str

    def pattern(self) -> str:
        """The regular expression of the term over normalised text."""
        pieces = [_piece(part) for part in _PARTS.split(self.term.strip()) if part]
        body = " ?".join(pieces)
        if self.match == "word":
            return _BEFORE + body + _AFTER
        if self.match == "start":
            return _BEFORE + body
        return body


def _piece(part: str) -> str:
    """One part of a term: its letters, with optional letters in brackets."""
    chunks, position = [], 0
    for optional in _OPTIONAL.finditer(part):
        chunks.append(_letters(part[position : optional.start()]))
        chunks.append("(?:" + _letters(optional.group(1)) + ")?")
        position = optional.end()
    chunks.append(_letters(part[position:]))
    return "".join(chunks)


def _letters(text: str) -> str:
    return re.escape(normalise(text).replace(" ", ""))


def parse_terms(text: str) -> tuple[StatusTerm, ...]:
    """The terms of a vocabulary file's text; rows starting with ``#`` are comments."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [f for f in FIELDS if f not in (reader.fieldnames or ())]
    if missing:
        raise VocabularyError(f"the vocabulary has no column {', '.join(missing)}")
    terms = []
    for row in reader:
        term = (row.get("term") or "").strip()
        if not term or term.startswith("#"):
            continue
        terms.append(_term(row, term, reader.line_num))
    return tuple(terms)


def _term(row: dict[str, str | None], term: str, line: int) -> StatusTerm:
    languages = tuple((row.get("languages") or "").split())
    applies_to = (row.get("applies_to") or "").strip()
    match = (row.get("match") or "").strip()
    if not languages or not all(_LANGUAGE.match(code) for code in languages):
        raise VocabularyError(f"line {line}: {term!r} needs ISO 639-1 language codes")
    if applies_to not in APPLIES_TO:
        raise VocabularyError(f"line {line}: applies_to must be one of {', '.join(APPLIES_TO)}")
    if match not in MATCHES:
        raise VocabularyError(f"line {line}: match must be one of {', '.join(MATCHES)}")
    if not normalise(_OPTIONAL.sub("", term)):
        raise VocabularyError(f"line {line}: {term!r} has no letter that must be there")
    return StatusTerm(term, languages, applies_to, match)


class StatusMatcher:
    """Finds the first status term in a text, exceptions (``allow`` terms) removed first."""

    def __init__(self, terms: tuple[StatusTerm, ...], applies_to: str) -> None:
        chosen = [t.pattern() for t in terms if t.applies_to in (applies_to, "both")]
        allowed = [t.pattern() for t in terms if t.applies_to == "allow"]
        self._status = _alternatives(chosen)
        self._allowed = _alternatives(allowed)

    def search(self, text: str) -> str | None:
        """The status term found in ``text`` (normalised, as written there), or None."""
        normal = self._allowed.sub(" ", normalise(text))
        found = self._status.search(normal)
        return found.group(0).strip() if found else None


def _alternatives(patterns: list[str]) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@dataclass(frozen=True)
class Vocabulary:
    terms: tuple[StatusTerm, ...]
    names: StatusMatcher
    values: StatusMatcher

    @classmethod
    def of(cls, terms: tuple[StatusTerm, ...]) -> Vocabulary:
        return cls(terms, StatusMatcher(terms, "name"), StatusMatcher(terms, "value"))


def packaged_text() -> str:
    return (
        resources.files("mechelen.core.microdata").joinpath(TERMS_FILE).read_text(encoding="utf-8")
    )


@cache
def packaged_vocabulary() -> Vocabulary:
    """The vocabulary shipped with Mechelen, read and compiled once."""
    return Vocabulary.of(parse_terms(packaged_text()))
