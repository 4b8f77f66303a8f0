"""Production settings: everything in settings.py, made safe for the open internet.

Requires ``MECHELEN_SECRET_KEY`` (at least 50 characters) and ``MECHELEN_ALLOWED_HOSTS``;
serve behind HTTPS. E-mails go by SMTP: ``MECHELEN_EMAIL_HOST`` (default ``localhost``),
``MECHELEN_EMAIL_PORT`` (25), ``MECHELEN_EMAIL_USER``, ``MECHELEN_EMAIL_PASSWORD``,
``MECHELEN_EMAIL_TLS`` (``1`` for STARTTLS) and ``MECHELEN_EMAIL_FROM``.
``python manage.py check --deploy --settings mechelen.web.production`` is clean (a test
checks it).
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from mechelen.web.settings import *  # noqa: F403

SECRET_KEY = os.environ.get("MECHELEN_SECRET_KEY", "")
if len(SECRET_KEY) < 50 or "demo-only" in SECRET_KEY:
    raise ImproperlyConfigured("Set MECHELEN_SECRET_KEY to a random value of 50+ characters.")
if not os.environ.get("MECHELEN_ALLOWED_HOSTS", "").strip():
    raise ImproperlyConfigured("Set MECHELEN_ALLOWED_HOSTS to the host names the site answers to.")
DEBUG = False
# The site is served behind an HTTPS reverse proxy: by default one, whose X-Forwarded-For
# entry is the client's address (login throttling locks per user name and that address).
TRUSTED_PROXIES = int(os.environ.get("MECHELEN_TRUSTED_PROXIES", "1"))
SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Password reset links go out by SMTP: a local mail server by default, or the one named
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("MECHELEN_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("MECHELEN_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("MECHELEN_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("MECHELEN_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("MECHELEN_EMAIL_TLS", "0") == "1"
EMAIL_TIMEOUT = 30
WHITENOISE_USE_FINDERS = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
