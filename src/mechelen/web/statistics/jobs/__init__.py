"""The long work of the statistics pages (ingests, previews) run as jobs, and its progress page."""
