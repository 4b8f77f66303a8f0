"""Options shared by several commands."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Language(StrEnum):
    en = "en"
    fr = "fr"
    es = "es"


LangOption = Annotated[
    Language, typer.Option("--lang", "-l", help="Language of the output: en, fr or es.")
]
FrameworkOption = Annotated[
    Path | None,
    typer.Option(
        "--framework",
        "-f",
        help="Framework folder to use instead of the built-in Mechelen 2017 framework.",
        show_default=False,
    ),
]
