"""WSGI entry point: ``gunicorn mechelen.web.wsgi`` (with DJANGO_SETTINGS_MODULE set)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mechelen.web.settings")
application = get_wsgi_application()
