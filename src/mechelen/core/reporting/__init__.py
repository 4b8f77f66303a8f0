"""Report models, independent of HTML or PDF."""
