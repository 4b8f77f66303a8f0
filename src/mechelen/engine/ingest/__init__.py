"""Ingest files (CSV, XLSX, Parquet) into a DuckDB workspace, standardised and validated."""
