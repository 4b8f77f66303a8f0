"""Translations of interface text and problem messages (gettext catalogues read with Babel).

Catalogues live in ``locale/<lang>/LC_MESSAGES/mechelen.po``; English is the source language.
``make messages`` re-extracts the strings and updates the catalogues.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from mechelen.core.messages import N_, TRANSLATED_PARAMETERS, message_template
from mechelen.core.problems import Location, Problem
from mechelen.i18n.numbers import localised
from mechelen.i18n.typography import spaced_punctuation

LANGUAGES = ("en", "fr", "es")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "mechelen"

Translator = Callable[[str], str]


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """msgid -> translation for ``lang``; empty for English or a language without a catalogue."""
    path = catalogue_path(lang)
    if lang == "en" or not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    return {
        str(message.id): str(message.string)
        for message in catalog
        if message.id and isinstance(message.id, str) and message.string and not message.fuzzy
    }


@cache
def plural_catalogue(lang: str) -> Mapping[str, tuple[str, ...]]:
    """singular msgid -> its translated forms, for ``lang``'s plural messages (every form
    filled, not fuzzy); empty for English or a language without a catalogue."""
    path = catalogue_path(lang)
    if lang == "en" or not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    found: dict[str, tuple[str, ...]] = {}
    for message in catalog:
        forms = message.string
        plural = isinstance(message.id, tuple) and isinstance(forms, tuple | list)
        if plural and forms and all(forms) and not message.fuzzy:
            found[str(message.id[0])] = tuple(str(form) for form in forms)
    return found


@cache
def _plural_form(lang: str) -> Callable[[int], int]:
    """The index of the plural form that ``lang`` uses for a count (CLDR's rule, via Babel)."""
    return gettext.c2py(get_plural(lang).plural_expr)


PluralTranslator = Callable[[str, str, int], str]


def plural_translator(lang: str) -> PluralTranslator:
    """``ngettext`` in ``lang``: the form of a message for a count ("1 file", "2 files"),
    English's (singular for 1) when the message has no translation."""
    forms = plural_catalogue(lang)

    def ngettext(singular: str, plural: str, count: int) -> str:
        found = forms.get(singular)
        if found:
            index = _plural_form(lang)(count) if lang != "en" else int(count != 1)
            return found[min(index, len(found) - 1)]
        return singular if count == 1 else plural

    return ngettext


def translator(lang: str) -> Translator:
    """A function translating an English interface string into ``lang`` (English if missing)."""
    messages = catalogue(lang)

    def translate(message: str) -> str:
        return messages.get(message, message)

    return translate


class _Params(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_problem(problem: Problem, lang: str = "en") -> str:
    """The problem's message in ``lang``, with its parameters filled in."""
    translate = translator(lang)
    params = _Params()
    for key, value in problem.params.items():
        if key in TRANSLATED_PARAMETERS and isinstance(value, str):
            value = translate(value)
        value = localised(value, lang)
        params[key] = f"'{value}'" if key in _QUOTED else value
    return translate(message_template(problem.code)).format_map(params)


def render_message(code: str, params: Mapping[str, object], lang: str = "en") -> str:
    """A coded message that is not a problem (e.g. the reason for a progress status,
    ``progress.R010``) in ``lang``; parameters are shown as they are, not quoted, numbers
    (:class:`~mechelen.core.messages.LocalNumber`) in the language's format."""
    translate = translator(lang)
    filled = _Params()
    for key, value in params.items():
        filled[key] = (
            translate(value)
            if key in TRANSLATED_PARAMETERS and isinstance(value, str)
            else localised(value, lang)
        )
    return spaced_punctuation(translate(message_template(code)).format_map(filled), lang)


#: parameters that hold a user's value or a name, shown in quotes
_QUOTED = frozenset(
    {
        "value",
        "id",
        "field",
        "target",
        "name",
        "sector",
        "dimension",
        "file",
        "sheet",
        "path",
        "other",
    }
)


def render_location(location: Location, lang: str = "en") -> str:
    """Where a problem is, e.g. "form.xlsx, sheet 'Respondent 1', row 12, column E"."""
    _ = translator(lang)
    parts: list[str] = []
    if location.file:
        parts.append(location.file)
    if location.line is not None:
        parts.append(_(N_("line {line}")).format(line=location.line))
    if location.sheet is not None:
        parts.append(_(N_("sheet '{sheet}'")).format(sheet=location.sheet))
    if location.row is not None:
        parts.append(_(N_("row {row}")).format(row=location.row))
    if location.column is not None:
        parts.append(_(N_("column {column}")).format(column=location.column))
    return ", ".join(parts)
