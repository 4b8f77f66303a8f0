"""The public side of statistics: published releases' pages and the portal's sections."""
