"""The assessment report: its JSON-ready data, its heatmap and its self-contained HTML."""
