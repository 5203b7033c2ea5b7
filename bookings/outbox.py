"""A booking's e-mails in the core's outbox (apiwise/outbox.py): their kinds (registered in
bookings/apps.py), queued in the booking's transaction with the link that says which request
each is about (BookingEmail), written when sent by bookings/emails.py."""

from django.db import models, transaction

from apiwise import outbox
from bookings.models.booking_email import BookingEmail

# Tasks queued before the outbox moved to the core name this path: the worker still finds them.
send_delivery = outbox.send_delivery


class EmailKind(models.TextChoices):
    CONFIRMATION = "confirmation", "Confirmation to the prospect"
    STAFF = "staff", "Notification to staff"
    CANCELLATION = "cancellation", "Cancellation to the prospect"
    RESCHEDULE = "reschedule", "New time to the prospect"
    REMINDER = "reminder", "Reminder to the prospect, 24 hours before"
    # About no one request: rendered when queued (bookings/digest.py).
    DIGEST = "digest", "Today's calls to staff, at 08:00"


def queue_email(booking, kind, *, send_at=None, **fields):
    """Queue an e-mail about the booking, to go now or at `send_at` (a deferred task)."""
    # One transaction, so the send task (run on commit) always finds the link.
    with transaction.atomic():
        delivery = outbox.queue_delivery(kind, send_at=send_at, **fields)
        BookingEmail.objects.create(delivery=delivery, booking=booking)
    return delivery


def booking_of(delivery):
    """The request an e-mail is about, or None. Kept on the delivery once read, so asking
    again while it is sent costs nothing."""
    try:
        return delivery.booking_email.booking
    except BookingEmail.DoesNotExist:
        return None


def resend(delivery):
    """Staff asked to send this e-mail again: a new delivery of the same kind."""
    booking = booking_of(delivery)
    # A reminder resent is about the call as it is now.
    fields = {"for_slot_start": booking.slot_start} if delivery.for_slot_start else {}
    return queue_email(booking, delivery.kind, **fields)


def delete_emails_of(sender, instance, **kwargs):
    """pre_delete of a Booking: its e-mails go with it (a queued one would have no one to
    write to), as they did when the outbox row pointed at the booking."""
    instance.deliveries.all().delete()
