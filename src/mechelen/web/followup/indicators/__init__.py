"""The indicators a city follows: the catalogue's or its own, their settings, values entered by
hand, the status set by hand, and their progress read into the core's objects."""
