"""No English left on a French or Spanish page: templates, charts, error pages and emails.

a) every message the web code and templates mark for translation is in the French and Spanish
   catalogues (``src/mechelen/web/locale``); that each entry there is translated, not fuzzy,
   every plural form filled, is ``tests/web/test_translations.py``'s (and the reports' own
   catalogue, ``src/mechelen/i18n/locale``, is ``tests/i18n/test_catalogues.py``'s);
b) every template (pages, error pages, emails; the web's and the reports') has no reader's
   text outside the translation tags: each is read with Django's template ``Lexer``, its tags
   and variables set aside, the rest read as HTML; a text node, or an attribute a reader meets
   (``aria-label``, ``title``, ``alt``, ``placeholder``, a button's ``value``...), with a
   letter in it fails the test with its ``file:line`` and text, unless :data:`ALLOWED` lists
   it with a reason. A literal string with a letter passed to a template (``default:"none"``,
   ``include ... with title="..."``) fails too;
c) every chart, drawn with sample data in French and Spanish, shows none of its English
   texts (its titles, legends, text alternative) nor the renderer's English ARIA words.

The lead re-runs this after merging every branch: each failure says where and what.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.pofile import read_po
from django.template.base import Lexer, Token, TokenType
from django.utils import translation
from django.utils.translation.template import templatize

import mechelen.web
from mechelen.core.reporting.follow_up.network import Member, build_network_report
from mechelen.i18n import translator
from mechelen.web.tenancy.roles import Role

ROOT = Path(__file__).resolve().parents[2]
WEB = Path(mechelen.web.__file__).parent
SRC = WEB.parent
TEMPLATE_DIRS = (WEB / "templates", SRC / "engine" / "reporting" / "templates")
LANGUAGES = ("fr", "es")

#: texts with letters that stay as they are in every language, and why
ALLOWED: dict[str, str] = {
    "§": "the paragraph sign before a number",
    "CSV": "a file format's name, the same in every language",
    "JSON": "a file format's name",
    "SDMX": "a standard's name (Statistical Data and Metadata eXchange)",
    "SDMX-CSV": "a file format's name (SDMX's CSV)",
    "HXL": "a standard's name (Humanitarian Exchange Language)",
    "XLSX": "a file format's name",
    "PDF": "a file format's name",
    "API": "the same abbreviation in English, French and Spanish pages",
    "OpenAPI": "a standard's name",
    "ISO": "a standard's name",
    "GCM": "the Global Compact for Migration's abbreviation, used as is",
    "SDG": "a code before a target's number (SDG 10.7)",
    "x": "the multiplication sign written as a letter between numbers",
}
#: attributes whose value a reader hears or sees
VISIBLE_ATTRIBUTES = frozenset(
    {"aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "title", "alt"}
    | {"placeholder", "label", "summary"}
)
#: elements whose text is code, not words
CODE_ELEMENTS = frozenset({"code", "kbd", "samp", "script", "style"})
#: the stand-in for a tag or a variable: no letter, so never taken for words
HOLE = "\ue000"
LETTER = re.compile(r"[^\W\d_]")
#: an identifier with an underscore (``key_range``, ``_T``): a code, shown as code
CODE_LIKE = re.compile(r"^\w*_\w*$")
#: filters whose argument is a format, not words
FORMAT_FILTERS = frozenset({"date", "time", "floatformat", "stringformat", "naturaltime"})
_LITERAL = re.compile(r"""(?P<filter>\w+)?\s*(?P<sep>[:=])?\s*(?P<q>["'])(?P<text>.*?)(?P=q)""")


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    text: str
    where: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.where} {self.text!r}"


def templates() -> list[Path]:
    return sorted(p for d in TEMPLATE_DIRS for p in d.rglob("*") if p.suffix in (".html", ".txt"))


def is_words(text: str) -> bool:
    """Whether ``text`` (a tag's stand-ins removed) has letters that are not allowed."""
    shown = " ".join(unescape(text).replace(HOLE, " ").split())
    if not LETTER.search(shown):
        return False
    words = [w.strip(".,;:()[]/-–—·|*!?'\"«»") for w in shown.split()]
    return any(LETTER.search(w) and w not in ALLOWED and not CODE_LIKE.match(w) for w in words)


class _Tokens(Lexer):
    """Django's lexer, keeping each token's exact text (to keep lines where they were)."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.raw: list[str] = []

    def create_token(
        self, token_string: str, position: tuple[int, int] | None, lineno: int, in_tag: bool
    ) -> Token:
        self.raw.append(token_string)
        return super().create_token(token_string, position, lineno, in_tag)


#: tags opening a block whose text is translated (Django's, and Jinja2's for the reports)
TRANSLATED_BLOCKS = {
    "blocktranslate": "endblocktranslate",
    "blocktrans": "endblocktrans",
    "trans": "endtrans",
    "comment": "endcomment",
}


def _literal_findings(token: Token, path: Path) -> Iterator[Finding]:
    """Quoted strings with letters handed to the page by a variable or an include."""
    contents = token.contents.strip()
    if token.token_type == TokenType.BLOCK:
        first = contents.split(" ", 1)[0]
        if first not in ("include", "with"):
            return
        contents = contents.split(" with ", 1)[1] if " with " in contents else ""
    elif token.token_type != TokenType.VAR:
        return
    for match in _LITERAL.finditer(contents):
        text, name, sep = match.group("text"), match.group("filter"), match.group("sep")
        if name in ("_", "gettext", "ngettext", "pgettext") or (
            sep == ":" and name in FORMAT_FILTERS
        ):
            continue
        if contents[: match.start("q")].rstrip().endswith("_("):
            continue
        if token.token_type == TokenType.VAR and sep != ":":
            continue  # Jinja2: a string test, key or keyword (``x == "a"``, ``attribute="b"``)
        if is_words(text):
            yield Finding(path, token.lineno, text, "literal string")


def template_findings(path: Path) -> list[Finding]:
    """Every reader's text of the template at ``path`` outside a translation tag."""
    source = path.read_text(encoding="utf-8")
    lexer = _Tokens(source)
    tokens = lexer.tokenize()
    findings: list[Finding] = []
    rebuilt: list[str] = []
    closing: str | None = None
    for token, raw in zip(tokens, lexer.raw, strict=True):
        name = token.contents.split(" ", 1)[0] if token.token_type == TokenType.BLOCK else ""
        if closing is not None:
            if name == closing:
                closing = None
        elif name in TRANSLATED_BLOCKS and (name != "trans" or " " not in token.contents):
            closing = TRANSLATED_BLOCKS[name]
        if token.token_type == TokenType.TEXT and closing is None:
            rebuilt.append(raw)
        else:
            findings.extend(_literal_findings(token, path))
            rebuilt.append(HOLE + "\n" * raw.count("\n"))
    text = "".join(rebuilt)
    if path.suffix == ".txt":
        for number, line in enumerate(text.splitlines(), start=1):
            if is_words(line):
                findings.append(Finding(path, number, line.strip(), "text"))
        return sorted(findings, key=lambda f: (f.line, f.text))
    reader = _Reader(path)
    reader.feed(text)
    reader.close()
    return sorted(findings + reader.findings, key=lambda f: (f.line, f.text))


class _Reader(HTMLParser):
    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.findings: list[Finding] = []
        self.code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in CODE_ELEMENTS:
            self.code += 1
        values = dict(attrs)
        visible = set(VISIBLE_ATTRIBUTES)
        if tag == "input" and values.get("type") in ("submit", "button", "reset"):
            visible.add("value")
        if tag == "meta" and values.get("name") == "description":
            visible.add("content")
        line = self.getpos()[0]
        for name, value in attrs:
            if name in visible and value and is_words(value):
                self.findings.append(Finding(self.path, line, value, f"attribute {name}="))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in CODE_ELEMENTS:
            self.code -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in CODE_ELEMENTS and self.code:
            self.code -= 1

    def handle_data(self, data: str) -> None:
        if self.code or not is_words(data):
            return
        line = self.getpos()[0]
        for offset, text in enumerate(data.split("\n")):
            if is_words(text):
                self.findings.append(Finding(self.path, line + offset, text.strip(), "text"))


def test_the_reader_finds_text_outside_translation_tags(tmp_path: Path) -> None:
    """The check itself: it finds what it must, and only that."""
    page = tmp_path / "page.html"
    page.write_text(
        "{% load i18n %}<h1>{% translate 'Title' %}</h1>\n"
        '<p>Hello <a href="{% url "x" %}" title="Open it">{{ name }}</a></p>\n'
        "{% blocktranslate count n=k %}{{ n }} member{% plural %}{{ n }} members"
        "{% endblocktranslate %}\n"
        '<img alt="{% translate "Map" %}" src="x.png"> 12 · 30&nbsp;% <code>key_range</code>\n'
        '<input type="submit" value="Send">{{ x|default:"none" }}{{ d|date:"Y-m-d" }} CSV _T\n'
        '{{ x|map(attribute="label") }}{% include "a.html" with title="Sent" n="3" %}\n',
        encoding="utf-8",
    )
    found = [(f.line, f.text) for f in template_findings(page)]
    assert found == [(2, "Hello"), (2, "Open it"), (5, "Send"), (5, "none"), (6, "Sent")], found


@pytest.mark.parametrize("path", templates(), ids=lambda p: str(p.relative_to(SRC)))
def test_templates_have_no_text_outside_translation_tags(path: Path) -> None:
    findings = template_findings(path)
    assert not findings, "text to translate:\n" + "\n".join(map(str, findings))


# a) every marked message is in the catalogues ------------------------------------------------

PYTHON_KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def _django_templates() -> list[Path]:
    return [p for p in templates() if p.is_relative_to(WEB)]


def marked_messages(*, singular_only: bool = False) -> dict[str, str]:
    """Every message the web marks for translation -> where (``file:line``); only those
    without a plural form when ``singular_only``."""
    found: dict[str, str] = {}
    sources: list[tuple[Path, str]] = [
        (path, templatize(path.read_text(encoding="utf-8"), origin=str(path)))
        for path in _django_templates()
    ]
    sources += [
        (path, path.read_text(encoding="utf-8"))
        for path in sorted(WEB.rglob("*.py"))
        if "migrations" not in path.parts
    ]
    for path, code in sources:
        extracted = extract_python(io.BytesIO(code.encode()), list(PYTHON_KEYWORDS), [], {})
        for line, function, message, _comments in extracted:
            ids = message if isinstance(message, tuple) else (message,)
            singular = ids[1] if function.startswith(("pgettext", "npgettext")) else ids[0]
            plural = function.startswith(("ngettext", "npgettext"))
            if isinstance(singular, str) and singular and not (singular_only and plural):
                found.setdefault(singular, f"{path.relative_to(ROOT)}:{line}")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_marked_message_is_in_the_catalogue(lang: str) -> None:
    with (WEB / "locale" / lang / "LC_MESSAGES" / "django.po").open("rb") as f:
        catalogue = read_po(f)
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue if m.id}
    marked = marked_messages()
    assert len(marked) > 500 and "Figures of the chart" in marked and "Country" in marked
    missing = [f"{where}: {msg!r}" for msg, where in marked.items() if msg not in known]
    assert not missing, f"not in {lang}/django.po:\n" + "\n".join(sorted(missing))


# plural forms ---------------------------------------------------------------------------------

#: a number placeholder, then (``of`` another one and) a noun in the plural: "%(n)s members",
#: "{done} of {total} questions"; such a message needs ngettext / blocktranslate count
#: the names a count goes by in a message (any ``%(name)d`` is one too)
COUNT_NAMES = (
    "count|counter|total|n|number|rows|read|kept|current|members|taken|achieved|done|answered"
    "|levels|improved|declined|good|missing|limit|files|cells|respondents|endorsed|commitments"
    "|sectors|dimensions|groups|dependencies|by_hand|in_progress|pages|cities|countries"
)
_NUMBER = rf"(?:%\(\w+\)d|%\((?:{COUNT_NAMES})\)s|\{{(?:{COUNT_NAMES})(?::[^}}]*)?\}})"
_COUNTED = re.compile(
    rf"{_NUMBER} +(?:of +(?:%\(\w+\)[sd]|\{{\w+\}}) +)?(?:[a-z]+ +)?(?P<noun>[a-z]+s)\b"
)
#: words ending in s after a number that are no plural noun, and why
NOT_PLURAL_NOUNS = {
    "has": "a verb (%(name)s has ...)",
    "is": "a verb",
    "was": "a verb",
    "as": "a conjunction",
    "its": "a determiner",
    "this": "a determiner",
    "us": "a pronoun",
    "yes": "an answer",
    "invites": "a verb (%(inviter)s invites you)",
    "works": "a verb (valid until %(date)s and works once)",
    "answers": "a verb (%(name)s already answers)",
    "exists": "a verb (%(name)s exists already)",
    "takes": "a verb (the indicator {id} takes no figures)",
}


#: messages of the reports and the command line whose count is never 1, and why
COUNTS_NEVER_ONE = {
    "The header row (Code, Sector, ...) was not found in the first {rows} rows of this sheet.": (
        "{rows} is a fixed limit (20)"
    ),
    "The sheet holds more than {limit} rows, the most accepted: give a CSV file instead.": (
        "{limit} is a fixed limit"
    ),
    "{path}: valid framework {id} {version}: {commitments} commitments, {sectors} sectors, "
    "{dimensions} dimensions, {groups} stakeholder groups, {dependencies} dependencies.": (
        "a framework that passes its checks has several of each"
    ),
}


def engine_messages() -> dict[str, str]:
    """The reports' and the command line's messages (their own catalogue) -> where."""
    method_map = [("mechelen/web/**", "ignore"), ("**.py", "python")]
    found = extract_from_dir(str(SRC.parent), method_map, keywords={"_": None, "N_": None})
    return {
        message: f"src/{path}:{line}"
        for path, line, message, _comments, _context in found
        if isinstance(message, str) and message
    }


def test_the_plural_check_finds_counts() -> None:
    found = [
        m.group("noun")
        for text in (
            "%(taken)s members, %(achieved)s achieved",
            "%(done)s of %(total)s questions answered",
            "Imported the answers of {count} respondents.",
            "%(count)d values computed.",
            "{n} new members",
            "%(name)s has %(value)s items",  # not a count: a name and a value
        )
        for m in _COUNTED.finditer(text)
    ]
    assert found == ["members", "questions", "respondents", "values", "members"]


def test_counts_are_plural_messages() -> None:
    """A message that counts something is a plural message ("1 member", "2 members")."""
    messages = marked_messages(singular_only=True) | {
        m: where for m, where in engine_messages().items() if m not in COUNTS_NEVER_ONE
    }
    wrong = [
        f"{where}: {message!r}"
        for message, where in messages.items()
        for match in _COUNTED.finditer(message)
        if match.group("noun") not in NOT_PLURAL_NOUNS
    ]
    assert not wrong, "use ngettext / blocktranslate count:\n" + "\n".join(sorted(set(wrong)))


# c) charts ---------------------------------------------------------------------------------------

CHART_MODULES = (
    WEB / "statistics" / "releases" / "charts.py",
    WEB / "followup" / "indicators" / "charts.py",
    SRC / "engine" / "reporting" / "assessment" / "charts.py",
    SRC / "engine" / "reporting" / "follow_up" / "charts.py",
    SRC / "engine" / "reporting" / "network" / "charts.py",
    SRC / "engine" / "reporting" / "network" / "world_map.py",
)
#: what the renderer writes for screen readers, in English whatever the language
RENDERER_ENGLISH = (
    "mark container",
    "axis titled",
    "legend titled",
    "for a discrete scale",
    "for a linear scale",
    "for a time scale",
    "graphics-symbol",
)


def chart_english() -> set[str]:
    """The English texts the chart modules write (each a message they translate)."""
    keywords = {**PYTHON_KEYWORDS, "N_": None}
    found: set[str] = set()
    for path in CHART_MODULES:
        with path.open("rb") as f:
            for _line, _function, message, _comments in extract_python(f, keywords, [], {}):
                found.update(m for m in (message if isinstance(message, tuple) else (message,)))
    return {m for m in found if m and LETTER.search(m)}


def svg_words(svg: str) -> list[str]:
    """What a chart shows and says: its texts, its title and its text alternative."""
    texts = re.findall(r"<(?:text|tspan|title)[^>]*>([^<]+)<", svg)
    texts += re.findall(r'aria-(?:label|roledescription)="([^"]*)"', svg)
    return [unescape(t) for t in texts]


def english_left(svg: str, english: set[str], lang: str) -> list[str]:
    """The English texts of ``english`` that ``svg`` shows although ``lang`` has its own."""
    web = translation.gettext
    engine = translator(lang)
    shown = svg_words(svg)
    left = [phrase for phrase in RENDERER_ENGLISH if phrase in svg]
    for message in english:
        skeleton = re.sub(r"%\(\w+\)[sd]|\{\w+\}", "\0", message)
        pieces = [p.strip(" :;,.()") for p in skeleton.split("\0")]
        pieces = [p for p in pieces if len(p) > 3 and LETTER.search(p)]
        if web(message) == message and engine(message) == message:
            continue  # the same words in this language (or not a chart's text at all)
        for piece in pieces:
            pattern = re.compile(rf"(?<!\w){re.escape(piece)}(?!\w)")
            if any(pattern.search(text) for text in shown):
                left.append(f"{message!r} (shows {piece!r})")
    return left


def _engine_charts(framework: Any, lang: str) -> dict[str, str]:
    from mechelen.core.reporting.follow_up import CommitmentEntry
    from mechelen.engine.reporting.assessment.charts import heatmap_spec
    from mechelen.engine.reporting.charts import render_svg
    from mechelen.engine.reporting.follow_up.charts import (
        change_spec,
        commitments_spec,
        indicator_spec,
    )
    from mechelen.engine.reporting.network.charts import commitments_taken_spec, sectors_spec
    from mechelen.engine.reporting.network.world_map import map_spec
    from mechelen.engine.reporting.wording import ReportWording
    from tests.core.reporting.follow_up_fixtures import PLACE, assessment, follow_up_report

    words = ReportWording(framework, lang)
    report = follow_up_report(framework)
    section = report.assessment
    assert section is not None
    taken = [
        CommitmentEntry(f"p{c.paragraph}", "", "achieved", c.paragraph)
        for c in framework.commitments[:3]
    ]
    other = replace_place(PLACE, "Otherton", "ESP")
    network = build_network_report(
        framework,
        "Net",
        "",
        [Member("a", PLACE), Member("b", other)],
        {"a": taken, "b": taken[:1]},
        {"a": assessment(framework, 1), "b": assessment(framework, 2)},
    )
    specs = {
        "assessment heatmap (also the results page's)": heatmap_spec(section.results, words),
        "follow-up commitments": commitments_spec(report.commitments, words),
        "follow-up change": change_spec(section, words),
        "network commitments taken": commitments_taken_spec(network, words),
        "network sectors": sectors_spec(network, words),
        "network map": map_spec(network, words),
    }
    for entry in report.indicators:
        specs[f"follow-up indicator {entry.label}"] = indicator_spec(entry, words)
    return {name: render_svg(spec, lang=lang) for name, spec in specs.items()}


def replace_place(place: Any, name: str, country: str) -> Any:
    from dataclasses import replace

    return replace(place, name=name, country=country)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_report_charts_show_no_english(framework: Any, lang: str) -> None:
    english = chart_english()
    wrong = [
        f"{name}: {text}"
        for name, svg in _engine_charts(framework, lang).items()
        for text in english_left(svg, english, lang)
    ]
    assert not wrong, f"English in {lang} charts:\n" + "\n".join(wrong)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_charts_show_no_english(world: Any, lang: str) -> None:
    from mechelen.engine.reporting.charts import render_svg
    from mechelen.web.followup.indicators import actions
    from mechelen.web.followup.indicators.charts import indicator_chart
    from mechelen.web.followup.indicators.progress import indicator_progress
    from mechelen.web.followup.policy import reader_of
    from mechelen.web.statistics.labels import code_label, dimension_label
    from mechelen.web.statistics.releases.charts import bar_chart_spec
    from mechelen.web.statistics.releases.published import TableView
    from tests.web.followup.factories import indicator_of

    item = indicator_of(world.a)
    actions.record_observation(None, item, {"year": 2022, "value": 1500.0})
    (row,) = indicator_progress(
        world.a.organisation, lang, reader_of(world.a.organisation, public=False)
    )
    charts: dict[str, str] = {}
    with translation.override(lang):
        charts["indicator"] = indicator_chart(row, "t", lang)
        charts["indicator (mini)"] = indicator_chart(row, "m", lang, mini=True)
        view = TableView(
            name="by-sex-age",
            dimensions=["sex", "age_band"],
            headers=[dimension_label("sex"), dimension_label("age_band")],
            chart_x=dimension_label("age_band"),
            chart_colour=dimension_label("sex"),
            chart_rows=[
                {"x": age, "colour": code_label("sex", sex), "value": value}
                for age, sex, value in (("0-14", "F", 7610), ("0-14", "M", 8000), ("15+", "F", 3))
            ],
        )
        spec = bar_chart_spec(view, translation.gettext("Persons"))
        charts["table"] = render_svg(spec, lang=lang)
    english = chart_english() | {"Persons", "Sex", "Age", "Women", "Men"}
    wrong = [
        f"{name}: {text}"
        for name, svg in charts.items()
        for text in english_left(svg, english, lang)
    ]
    assert not wrong, f"English in {lang} charts:\n" + "\n".join(wrong)
    assert all('role="img"' in svg and "<title>" in svg for svg in charts.values())
    # the numbers as the tables write them
    from django.template import Context, Template

    with translation.override(lang):
        table = Template('{{ v|floatformat:"-2g" }}').render(Context({"v": 8000}))
    assert table in svg_words(charts["table"])  # an axis tick


def test_the_chart_check_finds_english() -> None:
    """The check itself: the renderer's own ARIA text, and a chart's English text left
    untranslated, are found."""
    import vl_convert

    from mechelen.engine.reporting.charts import VEGA_LITE_SCHEMA, render_svg

    spec: dict[str, Any] = {
        "$schema": VEGA_LITE_SCHEMA,
        "description": "Bar chart of Persons by Age",
        "data": {"values": [{"x": "a", "v": 1}]},
        "mark": "bar",
        "encoding": {
            "x": {"field": "x", "type": "nominal", "title": "Observed"},
            "y": {"field": "v", "type": "quantitative"},
        },
    }
    english = {"Observed", "Bar chart of %(value)s by %(x)s"}
    with translation.override("fr"):
        raw = english_left(vl_convert.vegalite_to_svg(spec), english, "fr")
        ours = english_left(render_svg(spec, lang="fr"), english, "fr")
    assert "mark container" in raw and "axis titled" in raw
    assert not any(phrase in ours for phrase in RENDERER_ENGLISH)
    assert "'Observed' (shows 'Observed')" in ours
    assert "'Bar chart of %(value)s by %(x)s' (shows 'Bar chart of')" in ours


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("domain", ["web", "reports"])
def test_every_catalogue_entry_is_translated(lang: str, domain: str) -> None:
    """a) the web's and the reports' catalogues: no entry empty or fuzzy, every plural form
    filled (``tests/web/test_translations.py`` checks the web's placeholders and .mo too)."""
    path = (
        WEB / "locale" / lang / "LC_MESSAGES" / "django.po"
        if domain == "web"
        else SRC / "i18n" / "locale" / lang / "LC_MESSAGES" / "mechelen.po"
    )
    with path.open("rb") as f:
        catalogue = read_po(f)
    wrong = []
    for message in catalogue:
        if not message.id:
            continue
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        forms = 1 if isinstance(message.id, str) else 2
        if message.fuzzy or len(strings) != forms or not all(s.strip() for s in strings):
            label = message.id if isinstance(message.id, str) else message.id[0]
            wrong.append(f"{path.relative_to(ROOT)}:{message.lineno}: {label!r}")
    assert len(catalogue) > 100
    assert not wrong, "translate (and unmark fuzzy):\n" + "\n".join(wrong)


# d) every page as served -------------------------------------------------------------------------

#: English messages short or common enough to be a name or a word of the sample content rather
#: than untranslated text: only messages of at least this many words are looked for on pages
PAGE_MESSAGE_WORDS = 3


def _english_messages(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """(message, pattern of its fixed text) for the catalogues' messages of at least
    :data:`PAGE_MESSAGE_WORDS` words that ``lang`` writes otherwise."""
    found = []
    for path in (
        WEB / "locale" / lang / "LC_MESSAGES" / "django.po",
        SRC / "i18n" / "locale" / lang / "LC_MESSAGES" / "mechelen.po",
    ):
        with path.open("rb") as f:
            catalogue = read_po(f)
        for message in catalogue:
            if not message.id:
                continue
            english = message.id if isinstance(message.id, str) else message.id[1]
            translated = message.string if isinstance(message.string, str) else message.string[1]
            if not translated or translated == english:
                continue
            skeleton = re.sub(r"%\(\w+\)[sd]|\{\w+(?::[^}]*)?\}|<[^>]+>", "\0", english)
            longest = max(skeleton.split("\0"), key=lambda piece: len(piece.split()))
            longest = longest.strip(" :;,.()")
            if len(longest.split()) >= PAGE_MESSAGE_WORDS and longest not in translated:
                found.append((english, re.compile(rf"(?<!\w){re.escape(longest)}(?!\w)")))
    return found


class _Visible(HTMLParser):
    """The text a reader meets on a page: text nodes, and the attributes read out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in CODE_ELEMENTS:
            self.code += 1
        self.texts += [v for k, v in attrs if k in VISIBLE_ATTRIBUTES and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in CODE_ELEMENTS and self.code:
            self.code -= 1

    def handle_data(self, data: str) -> None:
        if not self.code and data.strip():
            self.texts.append(" ".join(data.split()))


def _reader_of(world: Any, roles: frozenset[Any]) -> Any | None:
    from tests.web import access_matrix as matrix

    if roles == matrix.PUBLIC:
        return None
    if roles == matrix.NETWORK_ANALYSTS:
        return world.analyst
    if roles == matrix.PLATFORM_ADMINS:
        return world.platform_admin
    if roles == matrix.INVITEE:
        return world.outsider
    if roles == matrix.ANY_LOGGED_IN:
        return world.a.users[Role.COORDINATOR]
    for role in (Role.COORDINATOR, Role.ADMINISTRATOR, Role.DATA_STEWARD, Role.VIEWER):
        if role in roles:
            return world.a.users[role]
    return world.a.users[next(iter(roles))]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_shows_no_english_message(world: Any, lang: str) -> None:
    """Each page of the access matrix, asked in French or Spanish by someone who may see it,
    shows none of the catalogues' English messages (a string shown without gettext, or
    translated in a language other than the page's, is found here)."""
    from django.conf import settings
    from django.urls import reverse

    from tests.web import access_matrix as matrix
    from tests.web.conftest import client_for

    english = _english_messages(lang)
    assert len(english) > 300
    members = reverse("tenancy:members", kwargs={"slug": world.a.organisation.slug})
    pages = [
        (name, reverse(name, kwargs=rule.kwargs(world, world.a)), _reader_of(world, rule.get), 200)
        for name, rule in sorted(matrix.PAGES.items())
        if rule.get is not None
    ]
    pages += [
        ("error 404", "/cities/no-such-city/", None, 404),
        ("error 403", members, world.outsider, 403),
    ]
    wrong = []
    for name, url, reader, status in pages:
        client = client_for(reader)
        # the language the person chose (a questionnaire otherwise speaks its invitation's)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
        response = client.get(url, headers={"Accept-Language": lang}, follow=True)
        kind = response.get("Content-Type", "")
        if response.status_code != status or response.streaming or "text/html" not in kind:
            assert status == 200, f"{name}: {response.status_code}"
            continue
        reader = _Visible()
        reader.feed(response.content.decode())
        shown = reader.texts
        for message, pattern in english:
            hits = [text for text in shown if pattern.search(text)]
            if hits:
                wrong.append(f"{name} ({url}): {message!r} in {hits[0][:120]!r}")
    assert not wrong, f"English on {lang} pages:\n" + "\n".join(wrong)
