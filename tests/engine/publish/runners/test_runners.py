"""Every protection method a spec may name has a runner, and only those."""

from __future__ import annotations

from mechelen.core.disclosure import PROTECTION_METHODS
from mechelen.engine.publish.runners import RUNNERS


def test_every_protection_method_has_a_runner() -> None:
    assert set(RUNNERS) == {method.id for method in PROTECTION_METHODS}
