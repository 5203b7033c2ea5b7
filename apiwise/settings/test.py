"""The test suite. PostgreSQL via DATABASE_URL (CI sets it); SQLite otherwise."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the source folders; tests never run collectstatic.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The cache in this process is local memory, whatever REDIS_URL says: each test starts with an
# empty one (tests/conftest.py) for free, and parallel runs cannot clear each other's. Tests
# of behaviour that needs Redis point a cache at it themselves (tests/bookings/test_abuse.py)
# or run the production processes against it (tests/system).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Page views are counted in this process unless a test points them at Redis itself.
PAGE_VIEWS_REDIS_URL = ""
# ...and written when a test flushes them, not by a timer thread behind its back.
PAGE_VIEWS_PROCESS_FLUSH = False
# Tests run in two processes at once (pytest-xdist): each has a database of its own
# (pytest-django names it after the worker) and a media folder of its own, so that one
# process's uploads, replaced social cards and restored snapshots never touch the other's.
# (A process a test starts with a MEDIA_ROOT of its own keeps it.)
_WORKER = os.environ.get("PYTEST_XDIST_WORKER")
if _WORKER and "MEDIA_ROOT" not in os.environ:
    MEDIA_ROOT = MEDIA_ROOT.parent / f"{MEDIA_ROOT.name}-{_WORKER}"  # noqa: F405
