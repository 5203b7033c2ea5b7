"""Wagtail's "forgotten password" form: throttled per client address and per e-mail address,
and its e-mail sent through the outbox (apiwise/outbox.py).

It has no wrong answer to count (it says the same whether or not the address is known), but
each request sends an e-mail: unthrottled, it lets anyone flood a staff inbox or probe the
form. A middleware rather than a wrapped view, so it holds whichever view serves the URL.

Django's own form sends the reset link at once and only logs a failure, so a reset asked for
during a mail outage would be lost without a word; QueuedPasswordResetForm stores it in the
outbox instead, to be sent (and retried) by the worker like every other e-mail of the site.
"""

import hashlib
import logging

from django.conf import settings
from django.db import transaction
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from wagtail.admin.forms.auth import PasswordResetForm

from apiwise import outbox
from apiwise.throttle import client_ip, over_limit

logger = logging.getLogger(__name__)
# The outbox's kind for the reset link (registered in apiwise/apps.py).
PASSWORD_RESET_EMAIL = "password_reset"  # noqa: S105 - a name, not a password


def too_many_reset_requests(request):
    # Rendered now: a middleware hands it back, past the step that renders views' responses.
    response = render(
        request,
        "staff/password_reset_throttled.html",
        {"window_minutes": settings.STAFF_PASSWORD_RESET_WINDOW // 60},
        status=429,
    )
    response["Retry-After"] = str(settings.STAFF_PASSWORD_RESET_WINDOW)
    return response


class PasswordResetThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == reverse("wagtailadmin_password_reset"):
            ip = client_ip(request)
            email = request.POST.get("email", "").strip().lower()
            email_key = hashlib.sha256(email.encode()).hexdigest()  # no address in the cache
            window = settings.STAFF_PASSWORD_RESET_WINDOW
            # Both counters move on every request, so neither can be reset by the other.
            by_ip = over_limit(
                f"staff:reset:ip:{ip}", settings.STAFF_PASSWORD_RESET_LIMIT_PER_IP, window
            )
            by_email = over_limit(
                f"staff:reset:email:{email_key}",
                settings.STAFF_PASSWORD_RESET_LIMIT_PER_EMAIL,
                window,
            )
            if by_ip or by_email:
                logger.warning(
                    "Password reset requests throttled: ip=%s email=%r (over the limit by %s)",
                    ip,
                    email,
                    "address" if by_ip else "e-mail",
                )
                return too_many_reset_requests(request)
        return self.get_response(request)


class QueuedPasswordResetForm(PasswordResetForm):
    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        html = ""
        if html_email_template_name is not None:
            html = loader.render_to_string(html_email_template_name, context)
        with transaction.atomic():
            outbox.queue_message(
                PASSWORD_RESET_EMAIL,
                to=[to_email],
                subject=loader.render_to_string(subject_template_name, context),
                body=loader.render_to_string(email_template_name, context),
                html=html,
            )
