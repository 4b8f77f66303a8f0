"""The steps of the browser journey, one module per app, in the order a person goes."""
