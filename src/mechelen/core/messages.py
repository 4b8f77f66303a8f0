"""English message templates for every problem code, translated at the edge (see mechelen.i18n).

Templates use ``{name}`` placeholders filled from the problem's parameters. A parameter that
is a :class:`LocalNumber` is written in the reader's language at the edge (``+5,74 %`` and
``0,96`` in French), never formatted here.
"""

from __future__ import annotations

from dataclasses import dataclass


def N_(message: str) -> str:
    """Mark a string for translation without translating it here."""
    return message


@dataclass(frozen=True)
class LocalNumber:
    """A number passed to a message, written in the reader's language when the message is.

    ``digits`` is the most decimals shown (trailing zeros dropped unless ``fixed``),
    ``signed`` adds a plus sign to positive values, ``percent`` shows a fraction as a
    percentage (0.0574 -> 5.74%). ``str()`` gives the English form.
    """

    value: float
    digits: int = 2
    signed: bool = False
    percent: bool = False
    fixed: bool = False

    @property
    def shown(self) -> float:
        """The value as shown: times 100 for a percentage, rounded to ``digits`` (never -0)."""
        shown = round(self.value * 100 if self.percent else self.value, self.digits)
        return shown if shown != 0 else 0.0

    def __str__(self) -> str:
        shown = self.shown
        text = f"{shown:,.{self.digits}f}"
        if not self.fixed and "." in text:
            text = text.rstrip("0").rstrip(".")
        if self.signed and shown > 0:
            text = "+" + text
        return text + ("%" if self.percent else "")


MESSAGES: dict[str, str] = {
    # framework folders
    "framework.E001": N_("The framework file {file} is missing."),
    "framework.E002": N_("This is not valid YAML: {detail}."),
    "framework.E003": N_("The field {field} is missing."),
    "framework.E004": N_("The field {field} should be {expected}, not {found}."),
    "framework.E005": N_("The text {field} has no translation in the required language {lang}."),
    "framework.E006": N_("The {kind} id {id} is defined more than once."),
    "framework.E007": N_("Unknown {kind} {id}: it is not defined in the framework."),
    "framework.E008": N_("The sector dependencies form a cycle: {cycle}."),
    "framework.E009": N_(
        "The scale {field} must have the scores 0, 1, 2, ... without gaps; found {found}."
    ),
    "framework.E010": N_("Unknown field {field}; the allowed fields are: {allowed}."),
    "framework.E011": N_(
        "The crosswalk target {target} is not of the form gcm:<n>, sdg:<target> or nua:<theme>."
    ),
    "framework.E012": N_(
        "Paragraph {paragraph} is not in the range of theme {theme} (paragraphs {first}-{last})."
    ),
    "framework.E013": N_("All dimensions must share the same scale; their tops differ: {tops}."),
    "framework.E014": N_("The required language {lang} is not among the framework's languages."),
    "framework.E015": N_("The framework defines no {field}."),
    "framework.E016": N_("{path} is not a folder."),
    "framework.E017": N_("The file is not UTF-8 text."),
    "framework.W001": N_("Commitment {id} has no link to any {scheme} item."),
    # assessment spreadsheets
    "assess.E001": N_("The file {path} does not exist."),
    "assess.E002": N_("The file is empty."),
    "assess.E003": N_(
        "The file is not an Excel workbook (.xlsx); save it as .xlsx from your spreadsheet program."
    ),
    "assess.E004": N_(
        "The sheet {sheet} is missing; start from a form made by 'mechelen assess template'."
    ),
    "assess.E005": N_("The respondent's name is empty; write it in cell {cell}."),
    "assess.E006": N_("Unknown stakeholder group {value}; expected one of: {expected}."),
    "assess.E007": N_("The stakeholder group is empty; choose one in cell {cell}."),
    "assess.E008": N_(
        "The score {value} is not allowed; expected a whole number from {low} to {high}, "
        "or an empty cell for no answer."
    ),
    "assess.E009": N_("Unknown sector {sector} in question code {value}."),
    "assess.E010": N_(
        "The question {value} appears more than once in this sheet (first in row {first})."
    ),
    "assess.E011": N_("The question {value} is missing from this sheet; restore its row."),
    "assess.E012": N_(
        "The header row (Code, Sector, ...) was not found in the first {rows} rows of this sheet."
    ),
    "assess.E013": N_(
        "This form was made for framework {found}, but the assessment uses {expected}."
    ),
    "assess.E014": N_("The respondent {name} ({group}) also appears in sheet {other}."),
    "assess.E015": N_("No sheet holds any answer."),
    "assess.E016": N_("Unknown dimension {dimension} in question code {value}."),
    "assess.E017": N_("The question code is empty but the row holds a score or evidence."),
    "assess.W001": N_("The sheet has no answers and was skipped."),
    # data mappings
    "mapping.E001": N_("The mapping file {path} does not exist."),
    "mapping.E002": N_("This is not valid YAML: {detail}."),
    "mapping.E003": N_("The field {field} is missing."),
    "mapping.E004": N_("The field {field} should be {expected}, not {found}."),
    "mapping.E010": N_("Unknown field {field}; the allowed fields are: {allowed}."),
    "mapping.E011": N_(
        "The dataset id {value} must be lower-case letters, digits and hyphens (up to 63)."
    ),
    "mapping.E012": N_("The country {value} must be an ISO 3166-1 alpha-3 code such as BEL."),
    "mapping.E013": N_("The mapping names no geography, dimension or kept column."),
    "mapping.E014": N_("{field} cannot be {value}; allowed: {allowed}."),
    "mapping.E015": N_(
        "The name {value} must start with a letter and use lower-case letters, digits and _."
    ),
    "mapping.E016": N_("The geography level {value} appears twice."),
    "mapping.E017": N_("Unknown dimension {value}; the standard dimensions are: {allowed}."),
    "mapping.E018": N_(
        "The bands of {field} are wrong ({problem}); give increasing lower bounds from 0."
    ),
    # the firewall (paragraphs 11e and 41)
    "firewall.E001": N_(
        "Column {column} (mapped as {role}) looks like immigration or legal status ({phrase}); "
        "the platform never stores it. Remove it from the mapping."
    ),
    "firewall.E002": N_(
        "Column {column} (mapped as {role}) holds values that state an immigration or legal "
        "status (rows with such a value: {rows}); the platform never stores nor shows them. Leave "
        "the column out of the mapping, or remove those values from the file."
    ),
    "firewall.E003": N_(
        "The value states an immigration or legal status; it is withheld, recorded by row and "
        "code only."
    ),
    "firewall.W001": N_(
        "Column {column} looks like immigration or legal status ({phrase}); it was not read."
    ),
    # ingesting files
    "ingest.E001": N_("The file {path} does not exist."),
    "ingest.E002": N_("The file is empty."),
    "ingest.E003": N_(
        "The file is binary, not a text (CSV) file; give a CSV, XLSX or Parquet file."
    ),
    "ingest.E004": N_("Column {column} (for {role}) is not in the file; similar columns: {close}."),
    "ingest.E005": N_(
        "Column {column} (for {role}) is not in the file, whose header reads as one column "
        "({header}): is the delimiter wrong?"
    ),
    "ingest.E006": N_("The file is not a readable {format} file."),
    "ingest.E007": N_("The file has no header or no data rows."),
    "ingest.E008": N_("The workbook has no sheet {sheet}; its sheets are: {sheets}."),
    "ingest.E009": N_("The file cannot be read as CSV: {detail}"),
    "ingest.E010": N_("The value is missing."),
    "ingest.E011": N_(
        "{value} is not a known sex (M, F, male, female, homme, femme, man, vrouw, ...)."
    ),
    "ingest.E012": N_("{value} is not an age in whole years from 0 to 130."),
    "ingest.E013": N_("{value} is not a known country, code or nationality."),
    "ingest.E014": N_("{value} is not a count (a whole number from 0)."),
    "ingest.E015": N_("{value} is not a known reason for migration."),
    "ingest.E016": N_("{value} is not a duration (a number of years from 0)."),
    "ingest.E017": N_("The person id is missing."),
    "ingest.E018": N_("The person id {value} appears more than once."),
    "ingest.E019": N_("{value} is not a number."),
    "ingest.E020": N_(
        "No row was kept: every row read ({read}) was rejected. Nothing was replaced; an "
        "existing dataset stays as it was."
    ),
    "ingest.E021": N_(
        "Decompressed, the workbook holds more than {limit} MB, the most accepted: give a "
        "smaller file or a CSV file."
    ),
    "ingest.E022": N_(
        "The sheet holds more than {limit} rows, the most accepted: give a CSV file instead."
    ),
    "ingest.E023": N_(
        "Rows kept: only {kept} of {read}, fewer than {share} of the rows of the dataset "
        "{dataset} it would replace ({current}). The dataset was not replaced and stays as it was."
    ),
    # country standardisation
    "standardise.E001": N_("The alias {alias} points to an unknown country code {code}."),
    "standardise.E002": N_("The alias {alias} has no letter or digit."),
    "standardise.E003": N_("Unknown country code {code}."),
    # table specifications
    "spec.E001": N_("The table spec {path} does not exist."),
    "spec.E002": N_("This is not valid YAML: {detail}."),
    "spec.E003": N_("The field {field} is missing."),
    "spec.E004": N_("The field {field} should be {expected}, not {found}."),
    "spec.E010": N_("Unknown field {field}; the allowed fields are: {allowed}."),
    "spec.E011": N_("The name {value} must be lower-case letters, digits and hyphens."),
    "spec.E012": N_("The spec asks for no table: give tables or combinations."),
    "spec.E013": N_("Two tables are named {value}."),
    "spec.E014": N_("The measure {value} must be persons or {{sum: <column>}}."),
    "spec.E015": N_("ways {value} must list table sizes from 1 to {most}."),
    "spec.E016": N_("The filter on {column} must be a list of values or {{min: .., max: ..}}."),
    "spec.E017": N_("{value} is not a method; allowed: {allowed}."),
    "spec.E018": N_("{value} must be a positive number."),
    "spec.E019": N_(
        "The method none publishes the counts unprotected and is not allowed; choose one of: "
        "{allowed}."
    ),
    "spec.E020": N_("The workspace has no dataset {value}; it has: {known}."),
    "spec.E021": N_("{value} is not a geography level of the dataset (finest first: {known})."),
    "spec.E022": N_("Table {table}: unknown dimension {value}; available: {known}."),
    "spec.E023": N_("The measure column {value} is not in the dataset."),
    "spec.E024": N_("The filter column {value} is not in the dataset; columns: {known}."),
    "spec.E030": N_("Table {table}: the dimension {value} is given more than once."),
    # differential privacy
    "dp.E001": N_(
        "The release needs epsilon {epsilon} but only {left} of the dataset's privacy budget is left."
    ),
    "dp.E002": N_("A count is too large for the differential privacy mechanism."),
    # disclosure control
    "disclosure.E001": N_(
        "The cell {key} has the value {value} in table {table} but {other_value} in table "
        "{other_table}; linked tables must agree on the cells they share."
    ),
    "disclosure.E002": N_(
        "The rule {rule} needs the largest contributions of every cell, but table {table} has none."
    ),
    "disclosure.E003": N_("Unknown {kind} {id}; the known ones are: {known}."),
    "disclosure.E004": N_("The parameter {parameter} of {rule} must be {expected}, not {found}."),
    "disclosure.E005": N_(
        "The published cells contradict the table's sums (around cell {key}); check the table."
    ),
    "disclosure.E006": N_("There is no table to protect."),
    "disclosure.E007": N_("Table {table} has no cell."),
    # auditing a published release
    "audit.E001": N_(
        "{path} holds no release.json: is it a folder written by 'mechelen tables build'?"
    ),
    "audit.E002": N_("The release lists {file} but the file is missing."),
    "audit.E003": N_(
        "The published tables contradict each other: no values of the suppressed cells fit."
    ),
    "audit.E004": N_(
        "Sensitive cells that cannot be protected: {count}. With the releases published before "
        "({earlier}), an attacker narrows them below the protection width whatever this "
        "release suppresses. Nothing was written."
    ),
    # indicators: measures, catalogues (indicators.yaml), progress tracks
    "indicator.E001": N_("Unknown measure kind {id}; the known ones are: {known}."),
    "indicator.E002": N_("The figure {figure} is missing; the measure {measure} needs it."),
    "indicator.E003": N_("The figure {figure} is {value}; a figure must be a number from 0."),
    "indicator.E004": N_(
        "Unexpected figure {figure}; the measure {measure} takes the figures: {inputs}."
    ),
    "indicator.E005": N_("Division by zero: the figure {figure} is 0."),
    "indicator.E006": N_(
        "A share's numerator ({numerator}) cannot be larger than its denominator ({denominator})."
    ),
    "indicator.E007": N_("The measure {measure} needs counts by group, but none was given."),
    "indicator.E010": N_(
        "Unknown commitment paragraph {paragraph}: the framework has no such commitment."
    ),
    "indicator.E011": N_(
        "Unknown {scheme} item {target}: it is not among the framework's references."
    ),
    "indicator.E012": N_("Unknown sector {sector}: it is not among the framework's sectors."),
    "indicator.E013": N_("The direction {value} is not allowed; allowed: {allowed}."),
    "indicator.E014": N_("The source kind {value} is not allowed; allowed: {allowed}."),
    "indicator.E015": N_("Unknown disaggregation {value}; allowed: {allowed}."),
    "indicator.E016": N_("The indicator id {id} is defined more than once."),
    "indicator.E017": N_(
        "Indicator {id}: a measure comparing groups needs exactly two groups, any other measure "
        "none; the measure {measure} has {count}."
    ),
    "indicator.E018": N_(
        "Indicator {id}: a published-table source must list the table's dimensions."
    ),
    "indicator.E019": N_("The indicator id {id} must be lower-case letters, digits and hyphens."),
    "indicator.E020": N_(
        "Indicator {id} serves no commitment, sector, GCM objective, SDG target or NUA theme."
    ),
    "indicator.E021": N_("Indicator {id}: the scale {value} must be a positive number."),
    "indicator.E022": N_("Indicator {id}: the measure {measure} needs a denominator text."),
    "indicator.E023": N_("Indicator {id} names no source for its figures."),
    "indicator.E030": N_(
        "The target year {target_year} must come after the baseline year {baseline_year}."
    ),
    "indicator.E031": N_("There are two values for the year {year}."),
    "indicator.E032": N_("The value {value} is not a finite number."),
    "indicator.E033": N_("A manual status must say {field}: who set it and why."),
    "indicator.E040": N_(
        "Indicator {id}: only a published-table source can name cells; this source is {kind}."
    ),
    "indicator.E041": N_(
        "Indicator {id}: the cells name the dimension {dimension}, which is not among the "
        "source's dimensions ({dimensions})."
    ),
    "indicator.E042": N_("Indicator {id}: the measure {measure} needs {part} in its cells."),
    "indicator.E043": N_("Indicator {id}: the measure {measure} takes no {part} in its cells."),
    "indicator.E044": N_(
        "{text} is not of the form dimension=code,code "
        "(for example citizenship_status=non-citizen,stateless)."
    ),
    "indicator.E045": N_(
        "Indicator {id}: the dimension {dimension} is chosen both for the groups and for "
        "the numerator or the denominator."
    ),
    "indicator.E046": N_(
        "The cell {cell} of the table {table} is hidden or flagged by disclosure control: "
        "the figure has no value."
    ),
    "indicator.E047": N_("The published table {table} has no dimension {dimension}."),
    "indicator.E048": N_("No published table has the dimensions {dimensions}."),
    # reasons for a progress status
    "progress.R001": N_("No baseline is set."),
    "progress.R002": N_("No target is set."),
    "progress.R003": N_("The value {value} of {year} meets the target {target}."),
    "progress.R004": N_("The baseline value {value} of {year} already meets the target {target}."),
    "progress.R005": N_("Nothing was observed after the baseline year {year}."),
    "progress.R006": N_(
        "The baseline met the target {target}, but the value {value} of {year} no longer does."
    ),
    "progress.R007": N_(
        "The value moves away from the target: {actual} a year against {required} needed "
        "({method} rates)."
    ),
    "progress.R008": N_(
        "The target year {target_year} is reached ({year}) and the target {target} is not met: "
        "{ratio} of the required pace ({method} rates)."
    ),
    "progress.R009": N_("The baseline, target or observed values are inconsistent."),
    "progress.R010": N_(
        "The actual rate {actual} a year is {ratio} of the required {required} ({method} rates), "
        "at least {threshold}."
    ),
    "progress.R011": N_(
        "The actual rate {actual} a year is only {ratio} of the required {required} "
        "({method} rates), below {threshold}."
    ),
    # files and folders
    "io.E001": N_("Cannot read or write {path}: {reason}."),
}


#: words that problems pass as parameters (kinds of item, expected types), translated too
PARAMETER_TERMS = (
    N_("theme"),
    N_("reference"),
    N_("sector"),
    N_("role"),
    N_("commitment"),
    N_("means"),
    N_("dimension"),
    N_("stakeholder group"),
    N_("dependency"),
    N_("text"),
    N_("whole number"),
    N_("list"),
    N_("mapping"),
    N_("nothing"),
    N_("yes/no value"),
    N_("decimal number"),
    N_("primary rule"),
    N_("secondary method"),
    N_("cost"),
    N_("compound"),
    N_("linear"),
)
#: parameters whose value is one of the terms above
TRANSLATED_PARAMETERS = frozenset({"kind", "expected", "found", "method"})


def message_template(code: str) -> str:
    return MESSAGES.get(code, code)
