"""Date and number formats that differ from Django's defaults for a language."""
