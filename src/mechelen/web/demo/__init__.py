"""Demo content for ``make demo``: real Belgian cities and Statbel data, fictional activity."""
