"""The follow-up and review report of a city: its charts and its HTML (and through it, PDF)."""
