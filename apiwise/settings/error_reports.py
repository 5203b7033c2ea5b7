"""Error reports (apiwise/error_reports.py) and logging."""

import os
from email.utils import formataddr, getaddresses

from apiwise.settings.environment import env_int

# Who gets an e-mail for every unhandled exception, in a request or a background task:
# ADMINS="Ops <ops@example.com>, b@example.com". Empty: nobody (the console log only).
ADMINS = [
    formataddr(pair) for pair in getaddresses([os.environ.get("ADMINS", "")]) if "@" in pair[1]
]
# One e-mail per distinct error in this many seconds; the next says how many were held back.
ERROR_MAIL_WINDOW_SECONDS = env_int("ERROR_MAIL_WINDOW_SECONDS", 10 * 60)
# Reports leave without form bodies, cookies, booking fields or e-mail-shaped strings.
DEFAULT_EXCEPTION_REPORTER_FILTER = "apiwise.error_reports.PrivateExceptionReporterFilter"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "apiwise.error_reports.PrivateAdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Replaces Django's own "django" logger set-up, whose mail_admins handler would send
        # reports unscrubbed. django.request (a 500) and django.tasks (a failed task) are in it.
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        # A forged host name, a post too big or with too many fields: what strangers send, the
        # visitor gets a 400, and nobody is woken for it (apiwise/error_mail.py).
        "django.security": {"handlers": ["console"], "propagate": False},
        **{
            name: {"level": os.environ.get("APP_LOG_LEVEL", "INFO"), "handlers": ["mail_admins"]}
            for name in ("apiwise", "blog", "bookings")
        },
        # The worker: a failed task is logged at ERROR (django.tasks for ours, django_tasks for
        # Wagtail's, which use the backport; django_tasks_db when a task cannot even load).
        # Every task's start and end is logged at INFO: too chatty for the console.
        "django.tasks": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING", "handlers": ["mail_admins"]},
        "django_tasks_db": {"handlers": ["mail_admins"]},
    },
}
