"""The organisation itself, in its workspace (``/manage/<slug>/``): the overview, the profile and
the endorsement, the request to join a network, the audit log; and registering a new one."""
