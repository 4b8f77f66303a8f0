"""Primary suppression: which cells of a table are sensitive, and how much protection each needs.

* :mod:`.primary`            the rules, registered by id: ``min-frequency`` (threshold),
  ``dominance-nk`` ((n, k) dominance) and ``p-percent`` (p% rule);
* :mod:`.protection_levels`  how far the attacker's interval around a sensitive cell must
  reach under each rule (upper and lower protection levels).
"""
