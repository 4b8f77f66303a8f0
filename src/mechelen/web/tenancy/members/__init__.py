"""The people of an organisation: their roles, the invitations that are the one way in, the roles
taken away (``/manage/<slug>/members/``)."""
