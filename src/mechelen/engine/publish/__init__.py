"""Publish protected tables in open formats, each with its disclosure report, and log releases."""
