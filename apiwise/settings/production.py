"""Production: every secret and host name comes from the environment."""

import os
import sys

from apiwise.sentry import init_sentry

from .base import *  # noqa: F403
from .base import TRUSTED_PROXY_COUNT, env_bool, env_int, env_list


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        sys.stderr.write(
            f"Configuration error: the environment variable {name} must be set for "
            "apiwise.settings.production (see .env.example).\n"
        )
        raise SystemExit(2)
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in _required("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Keep each server process's database connection between requests (checked before reuse):
# opening one costs PostgreSQL a new backend process, more than rendering most pages.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Behind a proxy (TRUSTED_PROXY_COUNT > 0), the proxy says whether the visitor used https.
# Without one, anybody could send the header: trust it only when a proxy sets it.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXY_COUNT > 0 else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)

# Without Redis, a cache every process on this host shares. Local memory would give each
# gunicorn worker its own content version, so a worker that did not see a publish (or a
# booking taking a slot) would go on serving its old copy. More than one host needs REDIS_URL.
if not os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),  # noqa: F405
        }
    }

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "email", "webhooks"],
    }
}
BOOKINGS_WEBHOOK_REQUIRE_HTTPS = env_bool("BOOKINGS_WEBHOOK_REQUIRE_HTTPS", True)

# Unhandled exceptions also go to Sentry when SENTRY_DSN is set and the optional sentry-sdk is
# installed, scrubbed of personal data first (apiwise/sentry.py). ADMINS get e-mail either way.
init_sentry(os.environ.get("SENTRY_DSN", "").strip())

# Two-factor sign-in is required of superusers and Sales, and nobody is exempt, whatever the
# environment says (dev.py's exemption for the local account must never reach production).
STAFF_2FA_REQUIRED = True
STAFF_2FA_EXEMPT_USERNAMES = []
