"""The kinds of e-mail the outbox sends, each registered by the app that sends it.

The core names none of the apps above it: the staff's password reset is registered by the
core (apiwise/apps.py), a booking's e-mails by bookings (bookings/apps.py). A kind says how
staff see it (its label) and how it is sent: as it was rendered when queued (no `build`), or
written when sent by `build(delivery)`, which may also say the e-mail is no longer wanted.
Call `register()` from AppConfig.ready(), so the web processes and the worker know the same
kinds."""

from collections.abc import Callable
from typing import NamedTuple


class EmailKind(NamedTuple):
    label: str
    # delivery -> EmailMessage, at send time; None: sent as stored when it was queued.
    build: Callable | None = None
    # delivery -> bool, asked at send time: a "no" skips the e-mail.
    still_wanted: Callable | None = None
    # Its stored body holds a working secret (a reset link) that must not outlive the sending.
    secret: bool = False


_kinds: dict[str, EmailKind] = {}


def register(kind, label, *, build=None, still_wanted=None, secret=False):
    if len(kind) > 16:  # EmailDelivery.kind's max_length
        raise ValueError(f"E-mail kind {kind!r} is longer than 16 characters.")
    _kinds[str(kind)] = EmailKind(str(label), build, still_wanted, secret)


def get(kind):
    """The registered kind. An unknown one (a row left by an app since removed) is sent as
    it was stored, under its raw name."""
    return _kinds.get(kind) or EmailKind(label=kind)


def check_registered(kind):
    if kind not in _kinds:
        known = ", ".join(sorted(_kinds)) or "none"
        raise ValueError(
            f"Unknown e-mail kind {kind!r}: register it with apiwise.email_kinds.register() "
            f"in its app's ready() (registered: {known})."
        )


def label(kind):
    return get(kind).label
