"""Networks of cities and regions: their member lists, kept by their analysts, and the requests
of pending organisations to join (``/networks/<slug>/members/``)."""
