"""Error reports that reach staff without the visitor's personal data.

An unhandled exception in a web request (logger `django.request`) or in a background task
(`django.tasks`, `django_tasks_db`, `apiwise.worker`) is e-mailed to settings.ADMINS by
PrivateAdminEmailHandler, and sent to Sentry when SENTRY_DSN is set (apiwise/sentry.py).
Which errors are mailed, and how often, is apiwise/error_mail.py's to say. A report about a
web request is queued in the e-mail outbox (apiwise/outbox.py), so the visitor never waits
on the mail server; with the database unreachable, or about a background task (the outbox
itself may be what fails), it is sent at once, still once per error per window.
Before a report leaves, three things are taken out:

- form bodies and cookies: every POST value and every cookie value is replaced (the names
  stay: they say which form and whether there was a session);
- booking fields in the traceback's local variables (name, e-mail, phone, ...) and any
  variable that holds a booking, a form or a dict of those fields;
- anything shaped like an e-mail address, and the secret in a booking's manage link, wherever
  it appears (exception messages, URLs, headers), since those can quote the visitor's input.
"""

import re
from collections.abc import Mapping

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Model
from django.forms import BaseForm
from django.utils.log import AdminEmailHandler
from django.views.debug import SafeExceptionReporterFilter

from apiwise import error_mail

REMOVED = "[removed]"
# The outbox's kind for a report about a web request (registered in apiwise/apps.py).
ERROR_REPORT_EMAIL = "error_report"
EMAIL_SHAPED = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# /health-check/manage/<signed token>/: whoever holds the token may cancel the booking.
MANAGE_LINK_TOKEN = re.compile(r"(/manage/)[A-Za-z0-9_=-]+")
# The booking's fields a visitor types in, and the names the code keeps them under.
PERSONAL_FIELDS = frozenset(
    {
        "name",
        "email",
        "phone",
        "company",
        "role",
        "problem",
        "systems_other",
        "staff_notes",
        "source_page",
        "utm",
        "fields",
        "cleaned_data",
        "form_data",
    }
)


def scrub_text(text):
    """The text with e-mail-shaped strings and manage-link secrets replaced."""
    text = EMAIL_SHAPED.sub("[e-mail removed]", text)
    return MANAGE_LINK_TOKEN.sub(r"\1[token removed]", text)


def holds_personal_data(name, value):
    if name in PERSONAL_FIELDS:
        return True
    if isinstance(value, BaseForm):
        return True
    if isinstance(value, Model):
        # A booking, a user: anything with an e-mail address on it.
        return any(field.name in PERSONAL_FIELDS for field in value._meta.concrete_fields)
    if isinstance(value, Mapping):
        try:
            return any(key in PERSONAL_FIELDS for key in value)
        except TypeError:
            return False
    return False


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """settings.DEFAULT_EXCEPTION_REPORTER_FILTER: what Django puts into an error report."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        if not self.is_active(request):
            return request.POST
        return {key: REMOVED for key in request.POST}

    def get_safe_cookies(self, request):
        cookies = getattr(request, "COOKIES", {})
        if not self.is_active(request):
            return cookies
        return {key: REMOVED for key in cookies}

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        if not self.is_active(request):
            return meta
        return {k: scrub_text(v) if isinstance(v, str) else v for k, v in meta.items()}

    def get_traceback_frame_variables(self, request, tb_frame):
        variables = super().get_traceback_frame_variables(request, tb_frame)
        if not self.is_active(request):
            return variables
        return [
            (name, REMOVED if holds_personal_data(name, value) else value)
            for name, value in variables
        ]


class PrivateAdminEmailHandler(AdminEmailHandler):
    """Django's mail_admins handler, with the subject and body scrubbed last of all (the
    exception message and the request's address are quoted verbatim by Django), mailing only
    what error_mail says is worth it, queued through the outbox from a web request."""

    # What emit() learnt about the record, for send_mail(): logging holds the handler's lock
    # around emit(), so no other record is being handled meanwhile.
    held_back = 0
    from_request = False

    def emit(self, record):
        # Django skips building the report when nobody would get it, but only for its own
        # send_mail: say so here too, or every error without ADMINS renders a traceback.
        if not settings.ADMINS or not error_mail.is_mailed(record):
            return
        try:
            held_back = error_mail.claim(error_mail.fingerprint(record))
            if held_back is None:
                return
            self.held_back = held_back
            self.from_request = getattr(record, "request", None) is not None
            super().emit(record)
        except Exception:  # noqa: BLE001 - a report that fails must not fail the request
            self.handleError(record)

    def send_mail(self, subject, message, *args, html_message=None, **kwargs):
        if self.held_back:
            message = error_mail.held_back_note(self.held_back) + message
        subject, message = scrub_text(subject), scrub_text(message)
        if html_message is not None:
            html_message = scrub_text(html_message)
        if self.from_request and self._queue(subject, message, html_message):
            return
        super().send_mail(subject, message, *args, html_message=html_message, **kwargs)

    @staticmethod
    def _queue(subject, message, html_message):
        """Into the outbox, for the worker to send (and retry). False if the database cannot
        take it (down, or the request's transaction broken)."""
        from apiwise import outbox

        try:
            with transaction.atomic():
                outbox.queue_message(
                    ERROR_REPORT_EMAIL,
                    to=list(settings.ADMINS),
                    subject=f"{settings.EMAIL_SUBJECT_PREFIX}{subject}",
                    body=message,
                    html=html_message or "",
                )
        except DatabaseError:
            return False
        return True
