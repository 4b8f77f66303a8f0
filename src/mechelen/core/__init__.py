"""Pure domain of Mechelen: frozen dataclasses and plain functions, no I/O, no data engines."""
