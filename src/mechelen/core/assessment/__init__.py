"""The joint initial assessment of paragraph 50: questionnaire, aggregation and priorities."""
