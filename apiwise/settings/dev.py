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
