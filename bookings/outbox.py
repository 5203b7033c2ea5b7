"""A booking's e-mails in the core's outbox (apiwise/outbox.py): queued in the booking's
transaction, written when sent by bookings/emails.py (bookings/apps.py registers it)."""

from django.db import transaction

from apiwise import outbox

# Tasks queued before the outbox moved to the core name this path: the worker still finds them.
send_delivery = outbox.send_delivery


def queue_email(booking, kind, *, send_at=None, **fields):
    """Queue an e-mail about the booking, to go now or at `send_at` (a deferred task)."""
    return outbox.queue_delivery(kind, booking=booking, send_at=send_at, **fields)


def resend(delivery):
    """Staff asked to send this e-mail again: a new delivery of the same kind."""
    with transaction.atomic():
        # A reminder resent is about the call as it is now.
        fields = {"for_slot_start": delivery.booking.slot_start} if delivery.for_slot_start else {}
        return queue_email(delivery.booking, delivery.kind, **fields)
