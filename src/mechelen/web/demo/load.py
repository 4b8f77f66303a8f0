"""Load every demo step (importing the modules registers their steps)."""

from __future__ import annotations

from collections.abc import Callable

from mechelen.web.demo import assessment as _assessment  # noqa: F401
from mechelen.web.demo import cities as _cities  # noqa: F401
from mechelen.web.demo import commitments as _commitments  # noqa: F401
from mechelen.web.demo import followup as _followup  # noqa: F401
from mechelen.web.demo import statistics as _statistics  # noqa: F401
from mechelen.web.demo.steps import DemoContext, load_demo

#: the demo logins' password: the demo runs on 127.0.0.1 only, with fictional content
DEMO_PASSWORD = "mechelen-demo-2017"


def load_all(password: str = DEMO_PASSWORD, say: Callable[[str], None] = print) -> DemoContext:
    return load_demo(password, say)
