"""Numbers and punctuation of messages in the reader's language (Babel's formats)."""

from __future__ import annotations

from mechelen.core.indicators import Observation, ProgressTrack, Target, assess_progress
from mechelen.core.messages import LocalNumber
from mechelen.i18n import render_message
from mechelen.i18n.numbers import format_local_number
from mechelen.i18n.typography import colon, spaced_punctuation

NNBSP = "\u202f"


def test_numbers_take_the_language_s_decimal_mark_grouping_and_percent_sign() -> None:
    rate = LocalNumber(0.0574, signed=True, percent=True, fixed=True)
    assert [format_local_number(rate, lang) for lang in ("en", "fr", "es")] == [
        "+5.74%",
        f"+5,74{NNBSP}%",
        "+5,74\xa0%",
    ]
    big = LocalNumber(1234.5)
    assert format_local_number(big, "en") == "1,234.5"
    assert format_local_number(big, "fr") == f"1{NNBSP}234,5"
    assert format_local_number(LocalNumber(-1.25, signed=True), "fr") == "-1,25"
    assert format_local_number(LocalNumber(6.6667, signed=True), "es") == "+6,67"
    assert format_local_number(LocalNumber(0.95, fixed=True), "fr") == "0,95"
    assert format_local_number(LocalNumber(-0.001, signed=True), "en") == "0"


def test_a_progress_reason_reads_in_french_numbers() -> None:
    track = ProgressTrack(
        "higher-is-better", Observation(2018, 120), Target(240, 2030), (Observation(2022, 150),)
    )
    reason = assess_progress(track).reason
    french = render_message(reason.code, reason.params, "fr")
    assert f"+5,74{NNBSP}%" in french and "0,96" in french and "0,95" in french
    assert "5.74" not in french and "0.9" not in french
    spanish = render_message(reason.code, reason.params, "es")
    assert "+5,74\xa0%" in spanish and "0,96" in spanish
    linear = ProgressTrack(
        "higher-is-better", Observation(2018, 0), Target(80, 2030), (Observation(2026, 20),)
    )
    reason = assess_progress(linear).reason
    french = render_message(reason.code, reason.params, "fr")
    assert "+2,5" in french and "+6,67" in french and "0,38" in french
    assert "6,667" not in french


def test_french_punctuation_takes_a_narrow_no_break_space() -> None:
    assert spaced_punctuation("Cible : 80 % ; fait ?", "fr") == (
        f"Cible{NNBSP}: 80{NNBSP}% ; fait{NNBSP}?".replace(" ;", f"{NNBSP};")
    )
    assert spaced_punctuation("https://x.org 10:30", "fr") == "https://x.org 10:30"
    assert spaced_punctuation("Target : 80 %", "en") == "Target : 80 %"
    assert colon("fr") == f"{NNBSP}:" and colon("es") == ":" and colon("en") == ":"


def test_numbers_as_tables_charts_and_reports_write_them() -> None:
    from django.template import Context, Template
    from django.utils import translation

    from mechelen.i18n.numbers import format_number

    assert [format_number(7610, lang) for lang in ("en", "fr", "es")] == [
        "7,610",
        f"7{NNBSP}610",
        "7\xa0610",  # not Babel's 7610 nor 7.610
    ]
    assert format_number(1234.5, "fr", 1, fixed=True) == f"1{NNBSP}234,5"
    assert format_number(2.0, "en") == "2" and format_number(-0.001, "es") == "0"
    for lang in ("en", "fr", "es"):
        with translation.override(lang):
            table = Template('{{ v|floatformat:"-2g" }}').render(Context({"v": 76101.25}))
        assert table == format_number(76101.25, lang)
