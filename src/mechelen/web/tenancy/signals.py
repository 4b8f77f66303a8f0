"""Signals other apps listen to: an invitation accepted (e.g. to link an assessment round)."""

from __future__ import annotations

from django.dispatch import Signal

#: sent with ``invitation`` and ``user`` once ``user`` accepted ``invitation``
invitation_accepted = Signal()
