"""Local development: `make run`. SQLite under var/ unless DATABASE_URL is set."""

import os

from .base import *  # noqa: F403
from .base import MAILERS, TASKS, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-change-me")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

# Without a mail server configured, print e-mails to the console instead of failing.
if not os.environ.get("EMAIL_HOST"):
    MAILERS["default"] = {"BACKEND": "django.core.mail.backends.console.EmailBackend"}

# The local account `make run` creates (manage.py ensure_admin) signs in without a second
# factor, on this machine only: production.py exempts nobody.
STAFF_2FA_EXEMPT_USERNAMES = [os.environ.get("ADMIN_USERNAME", "admin")]

# Background tasks go to the database queue and the worker `make run` starts, as in
# production, rather than running inline in the request that queued them.
TASKS = {"default": {**TASKS["default"], "BACKEND": "django_tasks_db.DatabaseBackend"}}

# `make run` runs the web server, the worker and the scheduler as separate processes
# (manage.py run_dev). Without Redis they share a cache in files under VAR_DIR, so that a page
# the scheduler publishes, or a change the worker makes, shows in the web server at once
# (local memory would be one cache per process, each with its own content version). Files
# rather than the database cache: on SQLite every cache write would take the database's one
# write lock from the processes that publish and book (measured in the README).
if not os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),  # noqa: F405
            # Culling lists the folder on every write; a few thousand entries hold the demo
            # site's pages and fragments several times over.
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
