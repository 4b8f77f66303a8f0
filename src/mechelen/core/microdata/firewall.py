"""The firewall of paragraphs 11e and 41: immigration or legal status never enters Mechelen.

Migratory status is derived from country of birth and citizenship only. A column whose name
says it holds a residence permit, visa, asylum decision, irregular or undocumented status (in
English, French, Dutch or Spanish) is refused when the mapping names it, and is never read;
such a column that the mapping does not name is left unread and reported. Values that state
a legal status (e.g. "undocumented", "sans papiers") are refused in any mapped category.

Each rule has a stable id and is registered in FIREWALL_RULES.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from mechelen.core.problems import Problem

#: phrases naming a legal or immigration status, written without accents, lower case
STATUS_PHRASES: tuple[str, ...] = (
    # English
    "residence permit",
    "residence status",
    "residence card",
    "residency status",
    "work permit",
    "permit",
    "visa",
    "irregular",
    "undocumented",
    "illegal",
    "unauthorised",
    "unauthorized",
    "asylum",
    "refugee status",
    "protection status",
    "legal status",
    "immigration status",
    "migration status",
    "migratory status",
    "residence title",
    "deportation",
    "removal order",
    "overstay",
    "overstayer",
    "regularisation",
    "regularization",
    "without papers",
    # French
    "titre de sejour",
    "permis de sejour",
    "carte de sejour",
    "statut de sejour",
    "droit de sejour",
    "irregulier",
    "irreguliere",
    "sans papiers",
    "clandestin",
    "asile",
    "statut legal",
    "statut juridique",
    "statut migratoire",
    "statut administratif",
    "situation administrative",
    "refugie",
    "expulsion",
    "oqtf",
    "demandeur d asile",
    # Dutch
    "verblijfsvergunning",
    "verblijfstitel",
    "verblijfsstatus",
    "verblijfsrecht",
    "visum",
    "illegaal",
    "ongedocumenteerd",
    "zonder papieren",
    "asiel",
    "asielaanvraag",
    "vluchtelingenstatus",
    "erkend vluchteling",
    "wettelijk statuut",
    "juridisch statuut",
    "verblijfsstatuut",
    "uitzetting",
    "verwijdering",
    "regularisatie",
    # Spanish
    "permiso de residencia",
    "tarjeta de residencia",
    "autorizacion de residencia",
    "situacion administrativa",
    "estatus migratorio",
    "situacion migratoria",
    "estatus legal",
    "situacion legal",
    "situacion juridica",
    "visado",
    "indocumentado",
    "sin papeles",
    "ilegal",
    "asilo",
    "solicitante de asilo",
    "refugiado",
    "deportacion",
    "regularizacion",
)

#: values that state a legal status; plain "asylum" or "international protection" is a reason
#: for migration (UNECE category) and is allowed as a value
STATUS_VALUE_PHRASES: tuple[str, ...] = (
    "irregular",
    "undocumented",
    "illegal",
    "unauthorised",
    "unauthorized",
    "without papers",
    "overstay",
    "overstayer",
    "rejected",
    "deport",
    "deported",
    "removal order",
    "permit",
    "visa",
    "residence permit",
    "sans papiers",
    "irregulier",
    "irreguliere",
    "clandestin",
    "debouté",
    "deboute",
    "expulse",
    "oqtf",
    "titre de sejour",
    "illegaal",
    "ongedocumenteerd",
    "zonder papieren",
    "uitgeprocedeerd",
    "afgewezen",
    "indocumentado",
    "sin papeles",
    "ilegal",
    "irregular",
    "denegado",
    "expulsado",
    "visum",
    "visado",
    "verblijfsvergunning",
)


def normalise(text: str) -> str:
    """Lower case, without accents, camelCase split, punctuation as single spaces."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(text))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(re.split(r"[^a-z0-9]+", text)).strip()


def _matcher(phrases: Iterable[str]) -> re.Pattern[str]:
    alternatives = sorted({normalise(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?:^| )(" + "|".join(map(re.escape, alternatives)) + r")(?: |$)")


_NAME = _matcher(STATUS_PHRASES)
# compound words ("Verblijfsvergunningnummer", "residencepermit") are caught without spaces
_COMPOUND = re.compile(
    "|".join(re.escape(normalise(p).replace(" ", "")) for p in STATUS_PHRASES if len(p) >= 8)
)
_VALUE = _matcher(STATUS_VALUE_PHRASES)


def status_phrase_in_name(name: str) -> str | None:
    """The status phrase a column name contains, or None."""
    normal = normalise(name)
    found = _NAME.search(normal)
    if found:
        return found.group(1)
    compact = _COMPOUND.search(normal.replace(" ", ""))
    return compact.group(0) if compact else None


def status_phrase_in_value(value: str) -> str | None:
    found = _VALUE.search(normalise(value))
    return found.group(1) if found else None


@dataclass(frozen=True)
class MappedColumn:
    """A column of the source file as the mapping uses it."""

    column: str
    role: str  # e.g. "citizenship", "geography.municipality", "keep.civil_status"


ColumnRule = Callable[[Iterable[MappedColumn], Iterable[str]], Iterator[Problem]]
ValueRule = Callable[[MappedColumn, Iterable[str]], Iterator[Problem]]

FIREWALL_COLUMN_RULES: dict[str, ColumnRule] = {}
FIREWALL_VALUE_RULES: dict[str, ValueRule] = {}


def _column_rule(rule_id: str) -> Callable[[ColumnRule], ColumnRule]:
    def register(rule: ColumnRule) -> ColumnRule:
        FIREWALL_COLUMN_RULES[rule_id] = rule
        return rule

    return register


@_column_rule("status-column-name")
def refuse_status_columns(
    mapped: Iterable[MappedColumn], file_columns: Iterable[str]
) -> Iterator[Problem]:
    """A mapped status column is an error; an unmapped one is reported as left unread."""
    mapped_names = set()
    for item in mapped:
        mapped_names.add(item.column)
        phrase = status_phrase_in_name(item.column) or status_phrase_in_name(item.role)
        if phrase:
            yield Problem(
                "firewall.E001", {"column": item.column, "role": item.role, "phrase": phrase}
            )
    for column in file_columns:
        if column not in mapped_names:
            phrase = status_phrase_in_name(column)
            if phrase:
                yield Problem(
                    "firewall.W001", {"column": column, "phrase": phrase}, severity="warning"
                )


def _value_rule(rule_id: str) -> Callable[[ValueRule], ValueRule]:
    def register(rule: ValueRule) -> ValueRule:
        FIREWALL_VALUE_RULES[rule_id] = rule
        return rule

    return register


@_value_rule("status-values")
def refuse_status_values(column: MappedColumn, values: Iterable[str]) -> Iterator[Problem]:
    for value in values:
        phrase = status_phrase_in_value(value)
        if phrase:
            yield Problem(
                "firewall.E002",
                {"column": column.column, "value": value, "phrase": phrase},
            )
            return


def check_columns(mapped: Iterable[MappedColumn], file_columns: Iterable[str]) -> list[Problem]:
    mapped, file_columns = list(mapped), list(file_columns)
    return [p for rule in FIREWALL_COLUMN_RULES.values() for p in rule(mapped, file_columns)]


def check_values(column: MappedColumn, values: Iterable[str]) -> list[Problem]:
    values = list(values)
    return [p for rule in FIREWALL_VALUE_RULES.values() for p in rule(column, values)]
