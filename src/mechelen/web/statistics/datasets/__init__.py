"""Datasets: an uploaded file, the mapping of its columns, its ingest into the workspace and
the validation report."""
