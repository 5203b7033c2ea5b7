"""Sentry, when SENTRY_DSN is set and the optional `sentry-sdk` is installed (the `sentry`
extra: `uv sync --extra sentry`; the Docker image has it).

Sentry's Django integration reports unhandled exceptions in requests, and its logging
integration every ERROR record (a failed background task is logged at ERROR by
`django.tasks`). Personal data is taken out before an event leaves the server: Sentry's
default PII stays off (no user, IP address or cookies), its own scrubber gets the booking
fields added to its deny-list, then scrub_event below removes the request body and
e-mail-shaped strings.
"""

import logging

from apiwise.error_reports import PERSONAL_FIELDS, REMOVED, scrub_text

logger = logging.getLogger("apiwise")


def _scrub_strings(value):
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {key: _scrub_strings(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub_strings(item) for item in value]
    return value


def scrub_event(event, hint=None):
    """before_send: no form body or cookies, no user but its id, no e-mail-shaped strings."""
    request = event.get("request")
    if request:
        if request.get("data"):
            request["data"] = REMOVED
        request.pop("cookies", None)
        headers = request.get("headers") or {}
        request["headers"] = {
            key: value for key, value in headers.items() if key.lower() != "cookie"
        }
    user = event.get("user")
    if user:
        event["user"] = {"id": user["id"]} if "id" in user else {}
    return _scrub_strings(event)


def sentry_options(dsn, **extra):
    """The options sentry_sdk.init (or a sentry_sdk.Client) gets."""
    from sentry_sdk.scrubber import DEFAULT_DENYLIST, EventScrubber

    return {
        "dsn": dsn,
        "event_scrubber": EventScrubber(
            denylist=[*DEFAULT_DENYLIST, *sorted(PERSONAL_FIELDS)], recursive=True
        ),
        "before_send": scrub_event,
        # Errors only: performance tracing is not wanted here.
        "traces_sample_rate": 0,
        **extra,
    }


def init_sentry(dsn, **extra):
    """Start Sentry; returns whether it started (not without the sentry-sdk package)."""
    if not dsn:
        return False
    try:
        import sentry_sdk
    except ImportError:
        logger.warning("SENTRY_DSN is set but sentry-sdk is not installed (the sentry extra)")
        return False
    sentry_sdk.init(**sentry_options(dsn, **extra))
    return True
