"""The follow-up of an organisation: indicators and their progress, evidence of commitments,
the change of the assessment between rounds, open data and the report model."""
