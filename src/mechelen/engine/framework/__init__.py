"""Reading framework folders (YAML) into validated :class:`~mechelen.core.framework.Framework`."""

from mechelen.engine.framework.loading import (
    DEFAULT_FRAMEWORK,
    check_framework,
    default_framework_path,
    load_framework,
    load_framework_indicators,
)

__all__ = [
    "DEFAULT_FRAMEWORK",
    "check_framework",
    "default_framework_path",
    "load_framework",
    "load_framework_indicators",
]
