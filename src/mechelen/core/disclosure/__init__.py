"""Disclosure control of published tables.

Suppression (one concept per module):

* :mod:`.protection`        how wide the attacker's interval around a sensitive cell must be;
* :mod:`.primary`           primary rules (``min-frequency``, ``dominance-nk``, ``p-percent``);
* :mod:`.linked`            one system of cells and equations for tables that share cells;
* :mod:`.perturbations`     sparse integer basis of the changes a system of equations allows;
* :mod:`.audit`             the attacker: tightest interval of every suppressed cell, by LP;
* :mod:`.capacity`          what the attacker's LP duals say about which cells would help;
* :mod:`.repair`            widen intervals still too narrow; drop secondary cells not needed;
* :mod:`.secondary`         the registry of secondary methods and their common result;
* :mod:`.secondary_gauss`   ``gauss``: fast Gaussian elimination, then interval repair;
* :mod:`.secondary_milp`    ``milp``: exact cell suppression with HiGHS, by cut generation;
* :mod:`.suppression`       the entry point :func:`~.suppression.protect_by_suppression`.

Error codes (``disclosure.E001``...) have their English templates in :mod:`mechelen.core.messages`.
Perturbative methods live next to them (:mod:`.cell_key`).
"""
