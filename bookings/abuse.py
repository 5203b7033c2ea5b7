"""Abuse protection for the public booking forms: a rate limit per visitor (counted with the
core's apiwise/throttle.py), a honeypot field and a minimum fill time.

Suspected bots are not told: their request is stored as spam, holds no slot and gets no
e-mail, and they see the normal confirmation page.
"""

from django.conf import settings
from django.core import signing
from django.template.response import TemplateResponse
from django.utils import timezone

from apiwise.throttle import client_ip, over_limit

STARTED_SALT = "bookings.form-started"


def rate_limited(request):
    """Count this POST against the client's allowance (in the shared cache). True when over."""
    return over_limit(
        f"bookings:rate:{client_ip(request)}",
        settings.BOOKINGS_RATE_LIMIT,
        settings.BOOKINGS_RATE_LIMIT_WINDOW,
    )


def too_many_requests(request):
    response = TemplateResponse(request, "bookings/rate_limited.html", {}, status=429)
    response["Retry-After"] = str(settings.BOOKINGS_RATE_LIMIT_WINDOW)
    return response


def started_token(now=None):
    """A signed timestamp of when the form was shown, sent back in a hidden field."""
    return signing.dumps((now or timezone.now()).timestamp(), salt=STARTED_SALT)


def new_started_token(request):
    """started_token() for a page served to this visitor (the page cache fills it in)."""
    return started_token()


def seconds_since_started(token):
    """Seconds since the form was rendered, or None when the token is missing or forged."""
    try:
        started = float(signing.loads(token, salt=STARTED_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return timezone.now().timestamp() - started


def spam_reason(honeypot, started):
    """Why a submission looks like a bot's ('' when it does not): the hidden honeypot field
    was filled in, or the form came back faster than a person can fill it in."""
    if honeypot:
        return "honeypot"
    elapsed = seconds_since_started(started)
    if elapsed is None:
        return "missing or forged start time"
    if elapsed < settings.BOOKINGS_MIN_FILL_SECONDS:
        return "filled in too fast"
    return ""
