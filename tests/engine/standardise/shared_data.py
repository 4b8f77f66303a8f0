"""The shared data files, found as for every other test (tests/shared_data.py)."""

from tests.shared_data import shared_file

__all__ = ["shared_file"]
