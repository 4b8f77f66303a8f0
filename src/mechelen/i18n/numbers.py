"""Numbers in the reader's language: ``1 234,5`` and ``+5,74 %`` in French, ``1,234.5`` and
``+5.74%`` in English (Babel, with the language's symbols and patterns).

:data:`SEPARATORS` is the one decimal mark and thousands separator of each language that
every table, chart and report writes: the web pages' Django formats
(``mechelen.web.formats``), the charts' d3 locale (:func:`mechelen.engine.reporting.charts.
number_locale`) and the reports' :func:`format_number` all read it. Spanish groups with a
no-break space, as the Real Academia Española recommends (Ortografía 2010) and Django writes,
where Babel's CLDR data has a full stop (``7.610``) and leaves four digits ungrouped.
"""

from __future__ import annotations

from babel import Locale
from babel.numbers import format_decimal, format_percent

from mechelen.core.messages import LocalNumber
from mechelen.i18n.typography import spaced_punctuation

#: language -> (decimal mark, thousands separator)
SEPARATORS: dict[str, tuple[str, str]] = {
    "en": (".", ","),
    "fr": (",", "\u202f"),
    "es": (",", "\xa0"),
}


def separators(lang: str) -> tuple[str, str]:
    """The decimal mark and the thousands separator of ``lang`` (English's when unknown)."""
    return SEPARATORS.get((lang or "en").split("-")[0].split("_")[0].lower(), SEPARATORS["en"])


def format_number(value: float, lang: str, digits: int = 2, *, fixed: bool = False) -> str:
    """``value`` with grouped thousands and at most ``digits`` decimals (exactly ``digits``
    when ``fixed``), in ``lang``: ``7,610.5`` in English, ``7 610,5`` in French and Spanish."""
    text = f"{value:,.{digits}f}"
    if digits and not fixed:
        text = text.rstrip("0").rstrip(".")
    if text.lstrip("-").strip("0,.") == "":
        text = text.lstrip("-")
    decimal, group = separators(lang)
    swap: dict[str, str | int | None] = {",": group, ".": decimal}
    return text.translate(str.maketrans(swap))


def format_local_number(number: LocalNumber, lang: str) -> str:
    """``number`` written in ``lang``, with its digits, sign and percent sign."""
    shown = number.shown
    decimals = "0" * number.digits if number.fixed else "#" * number.digits
    fraction = f".{decimals}" if number.digits else ""
    if number.percent:
        pattern = Locale.parse(lang).percent_formats[None].pattern
        text = format_percent(
            shown / 100, format=pattern.replace("#,##0", "#,##0" + fraction, 1), locale=lang
        )
        text = spaced_punctuation(text, lang)
    else:
        text = format_decimal(shown, format="#,##0" + fraction, locale=lang)
    return "+" + text if number.signed and shown > 0 else text


def localised(value: object, lang: str) -> object:
    """A message parameter ready for ``lang``: a :class:`LocalNumber` as text, others as given."""
    return format_local_number(value, lang) if isinstance(value, LocalNumber) else value
