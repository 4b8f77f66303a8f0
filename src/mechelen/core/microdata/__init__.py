"""Person-level and aggregated migration data: mappings, standard dimensions, the firewall."""
