"""Steps that load the demo content, contributed by each app, run in order.

A step is ``function(context) -> None``; ``context`` carries what earlier steps made
(organisations by slug, users by name) so later steps can use them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction


@dataclass
class DemoContext:
    password: str
    organisations: dict[str, Any] = field(default_factory=dict)
    users: dict[str, Any] = field(default_factory=dict)
    #: lines printed at the end (logins, what was loaded)
    notes: list[str] = field(default_factory=list)
    say: Callable[[str], None] = print


DemoStep = Callable[[DemoContext], None]
_STEPS: list[tuple[int, str, DemoStep]] = []


def demo_step(order: int, name: str) -> Callable[[DemoStep], DemoStep]:
    def register(function: DemoStep) -> DemoStep:
        if all(known != name for _, known, _ in _STEPS):
            _STEPS.append((order, name, function))
        return function

    return register


def load_demo(password: str, say: Callable[[str], None] = print) -> DemoContext:
    """Run every registered step (each in its own transaction) and return the context."""
    context = DemoContext(password=password, say=say)
    for _, name, step in sorted(_STEPS, key=lambda s: (s[0], s[1])):
        say(f"demo: {name}")
        with transaction.atomic():
            step(context)
    return context
