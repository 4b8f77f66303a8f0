"""The Declaration's framework for the web pages, loaded once, in the page's language."""

from __future__ import annotations

from functools import cache

from mechelen.core.framework.model import Commitment, Framework
from mechelen.core.framework.text import Text
from mechelen.engine.framework.loading import load_framework
from mechelen.web.language import page_language


@cache
def framework() -> Framework:
    return load_framework()


def in_page_language(text: Text) -> str:
    """``text`` in the active language (English when missing)."""
    return text.get(page_language())


def commitment(paragraph: int) -> Commitment | None:
    for item in framework().commitments:
        if item.paragraph == paragraph:
            return item
    return None


def commitment_choices() -> list[tuple[int, str]]:
    return [
        (c.paragraph, f"§{c.paragraph} {in_page_language(c.title)}")
        for c in framework().commitments
    ]
