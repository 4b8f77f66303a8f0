"""The joint initial assessment of paragraph 50, online: rounds, invitations, answers, results."""
