"""Releases of protected tables: the workflow from a draft to a published release."""
