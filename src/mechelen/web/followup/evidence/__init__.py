"""Dated evidence of commitments: links and documents checked by their content."""
