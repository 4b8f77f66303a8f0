"""The attacker: how tightly the published cells and the equations pin each suppressed cell.

* :mod:`.audit`    the audit: every sensitive cell whose interval is too narrow, and the
  tightest intervals of suppressed cells;
* :mod:`.model`    the attacker's LPs over independent groups of linked suppressed cells;
* :mod:`.lp`       one HiGHS model, re-solved warm for each bound;
* :mod:`.blocks`   groups and blocks of linked suppressed cells;
* :mod:`.seen`     how far the LP solutions so far have moved each cell;
* :mod:`.witness`  LP solutions that move many cells far enough at once.
"""
