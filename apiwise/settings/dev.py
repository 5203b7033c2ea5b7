"""Local development: `make run`. SQLite under var/ unless DATABASE_URL is set."""

import os

from .base import *  # noqa: F403
from .base import MAILERS, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-change-me")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

# Without a mail server configured, print e-mails to the console instead of failing.
if not os.environ.get("EMAIL_HOST"):
    MAILERS["default"] = {"BACKEND": "django.core.mail.backends.console.EmailBackend"}

# The local account `make run` creates (manage.py ensure_admin) signs in without a second
# factor, on this machine only: production.py exempts nobody.
STAFF_2FA_EXEMPT_USERNAMES = [os.environ.get("ADMIN_USERNAME", "admin")]
