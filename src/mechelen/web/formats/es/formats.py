"""Spanish: the decimal mark and thousands separator every table, chart and report writes
(:data:`mechelen.i18n.numbers.SEPARATORS`); dates as :mod:`mechelen.i18n.dates` writes them."""

from mechelen.i18n.numbers import SEPARATORS

DATE_FORMAT = r"j \d\e F \d\e Y"
DECIMAL_SEPARATOR, THOUSAND_SEPARATOR = SEPARATORS["es"]
NUMBER_GROUPING = 3
