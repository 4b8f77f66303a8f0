"""Mechelen: open software for the follow-up of the Mechelen Declaration on Cities and Migration."""

__version__ = "0.1.0"
