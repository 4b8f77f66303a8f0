"""The Mechelen framework as a domain model: themes, commitments, sectors, dimensions, crosswalks."""

from mechelen.core.framework.model import (
    Commitment,
    CrosswalkLink,
    Dependency,
    Dimension,
    Framework,
    MeansOfImplementation,
    Reference,
    Role,
    ScaleLevel,
    Sector,
    StakeholderGroup,
    Theme,
)
from mechelen.core.framework.text import Text

__all__ = [
    "Commitment",
    "CrosswalkLink",
    "Dependency",
    "Dimension",
    "Framework",
    "MeansOfImplementation",
    "Reference",
    "Role",
    "ScaleLevel",
    "Sector",
    "StakeholderGroup",
    "Text",
    "Theme",
]
