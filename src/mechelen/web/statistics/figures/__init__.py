"""Service figures: aggregate figures service providers report, each provider its own."""
