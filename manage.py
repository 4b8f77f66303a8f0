#!/usr/bin/env python
"""Django's command line for the web platform (e.g. ``.venv/bin/python manage.py migrate``)."""

from mechelen.web.manage import main

if __name__ == "__main__":
    main()
