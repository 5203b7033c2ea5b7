"""Abuse protection for the public booking forms: the visitor's real IP behind trusted proxies,
a rate limit shared by every server process, a honeypot field and a minimum fill time.

Suspected bots are not told: their request is stored as spam, holds no slot and gets no
e-mail, and they see the normal confirmation page.
"""

import ipaddress

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils import timezone

STARTED_SALT = "bookings.form-started"


def client_ip(request):
    """The visitor's IP: REMOTE_ADDR, or with N trusted proxies in front, the address the
    outermost trusted proxy saw (N-th from the right of X-Forwarded-For)."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            try:
                return str(ipaddress.ip_address(forwarded[-count]))
            except ValueError:
                pass
    return remote


def over_limit(key, limit, window):
    """Count one more request under `key` in the shared cache (the count lives `window`
    seconds from the first). True once there have been more than `limit`."""
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


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
