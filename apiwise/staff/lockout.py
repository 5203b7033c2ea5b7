"""Sign-in lockout, on top of django-axes (settings: AXES_* in apiwise/settings/staff.py).

django-axes counts failed sign-ins per username and per client address and refuses the next
ones once either is over the limit. Here: the page a locked-out person sees, the log line for
each lockout, and which lockouts are current (for the superusers' unlock screen).
"""

import logging

from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Sum
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone

logger = logging.getLogger(__name__)


def cooloff_minutes():
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_response(request, original_response=None, credentials=None):
    """What a locked-out sign-in gets: a plain page, 429 with Retry-After, not the form."""
    # Rendered now: a middleware hands it back, past the step that renders views' responses.
    response = render(
        request,
        "staff/locked_out.html",
        {"cooloff_minutes": cooloff_minutes(), "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs):
    # One line per lockout, for whoever watches the logs (django-axes' own line is at the
    # "axes" logger's level, which production leaves at WARNING like every other library).
    logger.warning(
        "Sign-in locked out after %s failures: username=%r ip=%s path=%s",
        settings.AXES_FAILURE_LIMIT,
        username,
        ip_address,
        getattr(request, "path", ""),
    )


def _recent_attempts():
    return AccessAttempt.objects.filter(
        attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME
    )


def current_lockouts():
    """The usernames and client addresses locked out right now, each with its failure count,
    as [(kind, value, failures)], most failures first."""
    recent = _recent_attempts()
    limit = settings.AXES_FAILURE_LIMIT
    locked = []
    for kind, field in (("username", "username"), ("address", "ip_address")):
        totals = (
            recent.exclude(**{f"{field}__isnull": True})
            .values(field)
            .annotate(failures=Sum("failures_since_start"))
            .filter(failures__gte=limit)
        )
        locked += [(kind, row[field], row["failures"]) for row in totals]
    return sorted(locked, key=lambda item: -item[2])


def unlock(kind, value, by):
    """Forget the failures of one username or one client address (`by`: the superuser who
    asked). Returns whether there were any."""
    field = "username" if kind == "username" else "ip_address"
    deleted, _ = AccessAttempt.objects.filter(**{field: value}).delete()
    if deleted:
        logger.warning("Sign-in lockout lifted by %s: %s=%r", by.get_username(), kind, value)
    return bool(deleted)
