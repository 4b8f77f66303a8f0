"""One standardiser shared by the standardisation tests."""

from __future__ import annotations

import pytest

from mechelen.engine.standardise import CountryStandardiser


@pytest.fixture(scope="session")
def standardiser() -> CountryStandardiser:
    return CountryStandardiser()
