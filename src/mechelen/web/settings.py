"""Settings for the demo and for development; production.py tightens them for deployment.

Every setting read from the environment is listed in ``docs/web.md`` (a test checks it):

- ``MECHELEN_SECRET_KEY``: Django's signing key (the demo uses a fixed, public one).
- ``DATABASE_URL``: the database, e.g. ``postgres://user:pass@host/db``; default: SQLite
  in ``MECHELEN_DATA_DIR``.
- ``MECHELEN_DATA_DIR``: where the SQLite database, uploads and statistics workspaces live
  (default ``build/web`` under the current folder).
- ``MECHELEN_DEBUG``: ``1`` for Django's debug pages (never in production).
- ``MECHELEN_ALLOWED_HOSTS``: comma-separated host names served.
- ``MECHELEN_MAX_UPLOAD_MB``: the largest data file a steward may upload (default 200).
- ``MECHELEN_MAX_UNPACKED_MB``: the most a compressed (gzip) upload may hold once
  decompressed (default 10 times ``MECHELEN_MAX_UPLOAD_MB``).
- ``MECHELEN_JOBS``: ``thread`` (default: long work runs in a background thread of the web
  process) or ``inline`` (runs at once, for tests).
- ``MECHELEN_TRUSTED_PROXIES``: how many reverse proxies stand in front of the site (default
  0 here, 1 in production): the client's address is read from ``X-Forwarded-For`` through
  them, for login throttling.
- ``MECHELEN_JOBS_THREADS``: how many jobs one web process runs at once in thread mode
  (default 2); the others wait their turn.
- ``MECHELEN_EMAIL_FROM``: the sender of the site's e-mails (password reset links).
- ``MECHELEN_JOBS_STALE_SECONDS``: a running job whose worker wrote no heartbeat for this
  long counts as interrupted, and ``run_jobs`` takes it over (default 300).
- ``MECHELEN_ASSETS_DIR``: the ``node_modules`` folder that holds the design system
  (``@uswds/uswds``); default: ``node_modules`` at the repository's root, where ``make``
  (``npm ci``) installs it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

WEB_DIR = Path(__file__).resolve().parent
#: the repository's root (src/mechelen/web/../../..), where package.json and node_modules are
REPOSITORY_DIR = WEB_DIR.parents[2]
DATA_DIR = Path(os.environ.get("MECHELEN_DATA_DIR", "build/web")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = os.environ.get(
    "MECHELEN_SECRET_KEY", "demo-only-key-never-use-in-production-0123456789abcdefghij"
)
DEBUG = os.environ.get("MECHELEN_DEBUG", "0") == "1"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("MECHELEN_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "ninja",  # Swagger UI of /api/docs from its static files
    "csp",
    "mechelen.web.tenancy",
    "mechelen.web.accounts",
    "mechelen.web.audit",
    "mechelen.web.jobs",
    "mechelen.web.commitments",
    "mechelen.web.assessments",
    "mechelen.web.statistics",
    "mechelen.web.followup",
    "mechelen.web.reports",
    "mechelen.web.portal",
    "mechelen.web.demo",
    "mechelen.web.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "mechelen.web.tenancy.visibility.PendingOrganisationGate",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mechelen.web.urls"
# Every form field carries the design system's classes (mechelen.web.design)
FORM_RENDERER = "mechelen.web.design.DesignFormRenderer"
WSGI_APPLICATION = "mechelen.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mechelen.web.tenancy.context.organisations",
            ],
        },
    }
]


def sqlite_options() -> dict[str, Any]:
    """SQLite for many people at once: WAL (readers and the writer side by side), immediate
    transactions (a transaction takes the write lock first, and waits for it, instead of
    failing with "database is locked" when it reads before it writes), a 20 s busy timeout."""
    return {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
    }


DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'mechelen.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        **sqlite_options(),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"

# Login throttling (django-axes): after 5 failures for a user name from one address, that
# pair is locked for 15 minutes; after 20 failures from one address, whatever the user names,
# the address is locked for all of them (mechelen.web.accounts.throttling).
AXES_FAILURE_LIMIT = 5
LOGIN_FAILURES_PER_ADDRESS = 20
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "mechelen.web.accounts.throttling.AccountAndAddressHandler"
# Never the user name, address or user agent in the log lines of django-axes
AXES_VERBOSE = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
# The address is the client's, not the reverse proxy's: read from X-Forwarded-For through
# this many trusted proxies (mechelen.web.client_address; 0: the connection's address).
TRUSTED_PROXIES = int(os.environ.get("MECHELEN_TRUSTED_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "mechelen.web.client_address.client_address"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
LOCALE_PATHS = [WEB_DIR / "locale"]
# English dates as international organisations write them (17 November 2017, 2017-11-17)
FORMAT_MODULE_PATH = ["mechelen.web.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"


def design_system_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """The compiled files (``dist``) of the U.S. Web Design System, a front-end dependency
    installed by npm (package.json), never copied into the repository: in the ``node_modules``
    folder named by ``MECHELEN_ASSETS_DIR``, else at the repository's root."""
    assets = Path(environ.get("MECHELEN_ASSETS_DIR") or REPOSITORY_DIR / "node_modules")
    dist = assets.resolve() / "@uswds" / "uswds" / "dist"
    if not (dist / "css" / "uswds.min.css").is_file():
        raise ImproperlyConfigured(
            f"The design system (@uswds/uswds) is missing: no {dist / 'css' / 'uswds.min.css'}. "
            "Run `make` (or `npm ci --ignore-scripts --omit=optional` in the repository), or "
            "set MECHELEN_ASSETS_DIR to the node_modules folder that holds it."
        )
    return dist


STATIC_URL = "static/"
# The site's own style sheets; the design system's CSS, script, and the fonts and images its CSS
# names are served under static/uswds/ (css/uswds.min.css, js/uswds.min.js ...) by its own
# finder, which leaves out the package's other 2,500 files (mechelen.web.design_assets).
STATICFILES_DIRS: list[Any] = [WEB_DIR / "static"]
DESIGN_SYSTEM_DIR = design_system_dir()
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "mechelen.web.design_assets.DesignSystemFinder",
]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# The demo serves static files straight from the package; production collects them first.
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "media"

MAX_UPLOAD_MB = int(os.environ.get("MECHELEN_MAX_UPLOAD_MB", "200"))
# A gzip upload is decompressed to its end while it is checked, and refused past this size.
MAX_UNPACKED_MB = int(os.environ.get("MECHELEN_MAX_UNPACKED_MB", str(10 * MAX_UPLOAD_MB)))
# An upload nobody ingested within this many hours is deleted (at the next upload or ingest).
UPLOAD_KEEP_HOURS = float(os.environ.get("MECHELEN_UPLOAD_KEEP_HOURS", "24"))
# An ingest keeping fewer rows than this share of the dataset it would replace is refused.
INGEST_MIN_SHARE = float(os.environ.get("MECHELEN_INGEST_MIN_SHARE", "0.5"))
# Larger uploads go to a temporary file, never into memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
JOBS_MODE = os.environ.get("MECHELEN_JOBS", "thread")
# At most this many jobs run at once in the threads of one web process.
JOBS_MAX_THREADS = int(os.environ.get("MECHELEN_JOBS_THREADS", "2"))
# A running job without a heartbeat for this long was interrupted (mechelen.web.jobs.claims).
JOBS_STALE_SECONDS = float(os.environ.get("MECHELEN_JOBS_STALE_SECONDS", "300"))
WORKSPACES_DIR = DATA_DIR / "workspaces"

# Content-Security-Policy (django-csp): scripts, styles, images, fonts and connections from
# the site itself only; no inline script or style (a downloaded HTML report allows its own
# stylesheet by its hash, mechelen.web.reports.views); no plug-ins, no framing, forms post
# to the site only. data: images are Swagger UI's icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# E-mail (password reset links): printed on the console in the demo; production.py sends
# them by SMTP (MECHELEN_EMAIL_*). A link works once, for three days.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "MECHELEN_EMAIL_FROM", "Cities and Migration Platform <noreply@localhost>"
)
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

SESSION_COOKIE_HTTPONLY = True
# A form refused by the CSRF check gets a page of the site that says to reload it
CSRF_FAILURE_VIEW = "mechelen.web.errors.csrf_failure"
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

SITE_TITLE = _("Cities and Migration Platform")

# Errors with their traceback go to stderr, in the demo as in production (the WSGI server or
# the service manager keeps them). Django logs a server error as "Internal Server Error:
# <path>" with the traceback, never the request's body, cookies or user; 4xx answers as
# warnings with their path. django-axes is kept to its errors: its other lines name
# the client.
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": [], "level": "WARNING", "propagate": True},
        "mechelen": {"handlers": [], "level": "INFO", "propagate": True},
        "axes": {"handlers": [], "level": "ERROR", "propagate": True},
    },
}
