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
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_python
from babel.messages.pofile import read_po
from django.template.base import Lexer, Token, TokenType
from django.utils import translation
from django.utils.translation.template import templatize

import mechelen.web
from mechelen.core.indicators import Observation, ProgressStatus, Target
from mechelen.core.reporting.follow_up.network import Member, build_network_report
from mechelen.i18n import translator

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


def marked_messages() -> dict[str, str]:
    """Every message the web marks for translation -> where (``file:line``)."""
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
            if isinstance(singular, str) and singular:
                found.setdefault(singular, f"{path.relative_to(ROOT)}:{line}")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_marked_message_is_in_the_catalogue(lang: str) -> None:
    with (WEB / "locale" / lang / "LC_MESSAGES" / "django.po").open("rb") as f:
        catalogue = read_po(f)
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue if m.id}
    missing = [f"{where}: {msg!r}" for msg, where in marked_messages().items() if msg not in known]
    assert not missing, f"not in {lang}/django.po:\n" + "\n".join(sorted(missing))
