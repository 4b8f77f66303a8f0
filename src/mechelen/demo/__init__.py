"""Demo content: a clearly fictional city's joint initial assessment."""
