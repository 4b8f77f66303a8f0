"""Numbers in the reader's language: ``1 234,5`` and ``+5,74 %`` in French, ``1,234.5`` and
``+5.74%`` in English (Babel, with the language's symbols and patterns)."""

from __future__ import annotations

from babel import Locale
from babel.numbers import format_decimal, format_percent

from mechelen.core.messages import LocalNumber
from mechelen.i18n.typography import spaced_punctuation


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
