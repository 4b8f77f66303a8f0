"""Build statistical tables with all their margins from a workspace dataset."""
