"""Values of indicators computed from the city's figures: its published releases, service
figures, commitments and closed assessment rounds; the tables it published, to define an
indicator on."""
