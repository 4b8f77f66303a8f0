"""The layout of the assessment workbook, shared by the template writer and the answers reader.

A workbook holds an instructions sheet, a scale sheet, one sheet per respondent and a hidden
``_mechelen`` sheet with the framework id, the language and the place assessed. A respondent
sheet has the respondent's name and stakeholder group at the top, then one row per question:

    Code | Sector | Dimension | Question | Score | Evidence

``Code`` (``sector-id/dimension-id`` or ``sector-id/urgency``) identifies the question; the
other columns are for people and may be in any language.
"""

from __future__ import annotations

from mechelen.core.messages import N_

META_SHEET = "_mechelen"
FORMAT_VERSION = "1"

# English source strings; the sheet shows them translated
RESPONDENT_LABEL = N_("Respondent")
GROUP_LABEL = N_("Stakeholder group")
CODE_HEADER = N_("Code")
HEADERS = (
    CODE_HEADER,
    N_("Sector"),
    N_("Dimension"),
    N_("Question"),
    N_("Score"),
    N_("Evidence"),
)
CODE_COLUMN = 1
SCORE_COLUMN = 5
EVIDENCE_COLUMN = 6

TITLE_ROW = 1
RESPONDENT_ROW = 3
GROUP_ROW = 4
HEADER_ROW = 6
#: how far the reader looks for the header row, in case rows were inserted above it
HEADER_SEARCH_ROWS = 30

#: keys of the meta sheet, column A, with their values in column B
META_KEYS = ("format", "framework", "version", "language", "place", "note", "info_sheets")


def column_letter(column: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[column - 1]
