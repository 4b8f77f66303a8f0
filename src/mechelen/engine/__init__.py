"""Everything that touches files and data at scale: readers, writers, renderers, pipelines."""
