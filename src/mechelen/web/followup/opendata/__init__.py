"""The follow-up of a city and the picture of a network as open data (CSV, SDMX-CSV, JSON,
Data Package)."""
