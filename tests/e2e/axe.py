"""axe-core, the accessibility rules the browser tests run in a page.

axe-core is an npm development dependency (package.json), installed by ``make`` with
``npm ci`` into node_modules; it is never copied into the repository. Its script is read
from :data:`AXE_SCRIPT` only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

#: the one place the browser tests find axe-core
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

#: the WCAG 2.0 and 2.1 rules of levels A and AA
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
#: the rules that depend on the window's width, checked again on a phone: a box that
#: scrolls (a wide table) must be reachable with the keyboard
NARROW_RULES = ("scrollable-region-focusable",)


@cache
def axe_source() -> str:
    if not AXE_SCRIPT.is_file():
        pytest.fail(
            f"axe-core is missing ({AXE_SCRIPT}): run `make` (or `npm ci`) to install the "
            "front-end packages of package.json"
        )
    return AXE_SCRIPT.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    #: the CSS selectors of the elements that break the rule
    targets: tuple[str, ...]

    def describe(self, where: str) -> str:
        shown = ", ".join(self.targets[:8]) + (" ..." if len(self.targets) > 8 else "")
        return f"{where}: {self.rule} ({self.impact}) {self.help}: {shown}"


def run_axe(page: Page, rules: tuple[str, ...] = ()) -> list[Violation]:
    """The WCAG 2.1 A/AA violations of the page as it is now (only ``rules``, when given).
    The script is evaluated through the DevTools protocol, so a context that keeps the
    page's Content-Security-Policy can run it."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    only = (
        {"type": "rule", "values": list(rules)}
        if rules
        else {"type": "tag", "values": list(WCAG_TAGS)}
    )
    found: list[dict[str, Any]] = page.evaluate(
        """(only) => axe.run(document, {runOnly: only, resultTypes: ["violations"]})
              .then((results) => results.violations.map((v) => ({
                  rule: v.id, impact: v.impact || "", help: v.help,
                  targets: v.nodes.map((n) => n.target.join(" ")),
              })))""",
        only,
    )
    return [
        Violation(item["rule"], item["impact"], item["help"], tuple(item["targets"]))
        for item in found
    ]
