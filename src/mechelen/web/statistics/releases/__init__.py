"""Releases: the table specification, the protected preview, the workflow from draft to
published (core/releases/workflow.py) and the release's files and tables as pages show them."""
