"""The network report: its map of members, its charts and its HTML (and through it, PDF)."""
