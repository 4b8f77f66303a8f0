"""The ``mechelen`` command: thin mappings of options onto core and engine calls."""
