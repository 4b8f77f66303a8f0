"""The web platform (Django): the only package that imports Django. One app per area."""
