"""Rendering reports: JSON for machines, HTML (and later PDF) for people."""
