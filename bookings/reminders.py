"""The reminder e-mail a prospect gets 24 hours before the call.

A reminder is an outbox row (`EmailDelivery` of kind "reminder") written in the booking's own
transaction, due at slot start − 24 h, with its send task deferred to that time (`run_after`).
Both are database rows, so a reminder survives worker restarts; a task that was lost anyway is
found by `outbox.requeue_stale()` once the reminder is due.

`sync_reminder()` keeps the one queued reminder in step with the booking (booked, moved,
cancelled, declined); `still_wanted()` checks again at send time, so a reminder whose call was
cancelled or moved in the meantime is skipped rather than sent.
"""

import datetime as dt

from django.utils import timezone

from apiwise.models import EmailDelivery
from bookings import outbox

REMINDER_LEAD = dt.timedelta(hours=24)
Kind = outbox.EmailKind
State = EmailDelivery.State


def reminder_due_at(booking):
    return booking.slot_start - REMINDER_LEAD


def wants_reminder(booking, now):
    """A call at least 24 hours away, on an active request with an address to write to.
    Booked with less notice than that, the confirmation is reminder enough."""
    return bool(booking.holds_slot and booking.email and reminder_due_at(booking) > now)


def sync_reminder(booking, now=None):
    """Make the booking's queued reminder match its call: skip a reminder for a time it no
    longer has (or for a call that is off), queue one for the time it has. Call it inside the
    transaction that changed the booking."""
    now = now or timezone.now()
    queued = booking.deliveries.filter(kind=Kind.REMINDER, state=State.QUEUED)
    wanted = wants_reminder(booking, now)
    current = queued.filter(for_slot_start=booking.slot_start) if wanted else queued.none()
    queued.exclude(pk__in=current.values("pk")).update(state=State.SKIPPED)
    if not wanted or current.exists():
        return current.first()
    return outbox.queue_email(
        booking,
        Kind.REMINDER,
        send_at=reminder_due_at(booking),
        for_slot_start=booking.slot_start,
    )


def still_wanted(delivery):
    """At send time: is the reminder's call still on, at the time it was written for?"""
    booking = outbox.booking_of(delivery)
    return bool(
        booking
        and booking.holds_slot
        and booking.email
        and booking.slot_start == delivery.for_slot_start
    )
