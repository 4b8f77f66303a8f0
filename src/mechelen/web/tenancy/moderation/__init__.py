"""The platform administrators approve or reject self-registered organisations
(``/platform/``)."""
