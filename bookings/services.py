"""The booking rules, in one place: how a request is saved (with its e-mails, in one
transaction), what holds a slot, and how a prospect cancels or moves the call.

The database has the last word on slots: on PostgreSQL an exclusion constraint refuses a
second booking that overlaps an active one (see bookings/models/booking.py), whatever the form
checked a moment before.
"""

from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone
from wagtail.log_actions import log

from bookings import outbox, reminders, webhooks
from bookings.models.booking import ACTIVE_STATUSES, CHANGEABLE_STATUSES, Booking, Status

SAVE_ATTEMPTS = 3


class SlotTaken(Exception):
    """Someone else holds (part of) that time."""


def hold(booking, slot, rules):
    """Give the booking this slot, plus the buffer after it."""
    booking.slot_start = slot.start
    booking.slot_end = slot.end
    booking.hold_until = slot.end + rules.buffer


def ensure_free_without_constraint(booking):
    """SQLite has no exclusion constraint: check in Python (not race-free; PostgreSQL is)."""
    if connection.vendor == "postgresql" or not booking.slot_start:
        return
    overlapping = Booking.objects.filter(
        status__in=ACTIVE_STATUSES,
        slot_start__lt=booking.hold_until,
        hold_until__gt=booking.slot_start,
    ).exclude(pk=booking.pk)
    if overlapping.exists():
        raise SlotTaken


def _is_exclusion_violation(error):
    cause = getattr(error, "__cause__", None)
    return getattr(cause, "sqlstate", None) == "23P01" or "bookings_no_overlapping_slots" in str(
        error
    )


def _is_deadlock(error):
    return getattr(error.__cause__, "sqlstate", None) in {"40P01", "40001"}


def booking_for_submission(token):
    """The request a form submission already made, if any (double click, back + resubmit)."""
    if not token:
        return None
    return Booking.objects.filter(submission_token=token).first()


def create_booking(fields, *, slot=None, systems=(), spam_reason="", rules=None):
    """Store a new request and queue its e-mails, all in one transaction.

    `fields` are the Booking's own fields (including `submission_token`). Suspected bots are
    stored as spam, hold no slot and get no e-mail. Raises SlotTaken when the slot went to
    someone else. A second submission of the same form returns the first one's booking.
    """
    booking = Booking(**fields)
    if spam_reason:
        booking.status = Status.SPAM
        booking.spam_reason = spam_reason
    elif slot is not None:
        hold(booking, slot, rules)

    for attempt in range(1, SAVE_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                ensure_free_without_constraint(booking)
                booking.save()
                if systems:
                    booking.systems.set(systems)
                if not spam_reason:
                    outbox.queue_email(booking, outbox.EmailKind.CONFIRMATION)
                    outbox.queue_email(booking, outbox.EmailKind.STAFF)
                    reminders.sync_reminder(booking)
                    webhooks.record_event(booking, webhooks.EventType.CREATED)
        except IntegrityError as error:
            existing = booking_for_submission(booking.submission_token)
            if existing:
                return existing  # the same form was submitted twice at the same moment
            if _is_exclusion_violation(error):
                raise SlotTaken from error
            raise
        except OperationalError as error:
            # Two requests for one slot at the same moment can deadlock on the exclusion
            # constraint, and PostgreSQL aborts one of them. Trying again, that one sees the
            # winner (and hears the slot is taken) rather than losing the request to a 500.
            if not _is_deadlock(error) or attempt == SAVE_ATTEMPTS:
                raise
            booking.pk = None
            continue
        return booking


def can_change(booking):
    """Whether the prospect may still cancel or move the call: not once it has started."""
    if booking.status not in CHANGEABLE_STATUSES:
        return False
    return not (booking.slot_start and booking.slot_start <= timezone.now())


def cancel(booking):
    """The prospect cancels: the slot is freed, they and staff are told."""
    with transaction.atomic():
        previous = booking.status
        booking.status = Status.CANCELLED
        booking.save(update_fields=["status", "updated_at"])
        log(
            instance=booking,
            action="bookings.cancelled_by_prospect",
            data={"from": previous, "to": booking.status},
        )
        outbox.queue_email(booking, outbox.EmailKind.CANCELLATION)
        outbox.queue_email(booking, outbox.EmailKind.STAFF)
        reminders.sync_reminder(booking)
        webhooks.record_event(booking, webhooks.EventType.CANCELLED)


def reschedule(booking, slot, rules):
    """The prospect moves the call to another free slot. Raises SlotTaken (and leaves the
    booking as it was) when that slot was just taken."""
    try:
        with transaction.atomic():
            old = booking.slot_label()
            hold(booking, slot, rules)
            ensure_free_without_constraint(booking)
            booking.save(update_fields=["slot_start", "slot_end", "hold_until", "updated_at"])
            log(
                instance=booking,
                action="bookings.rescheduled_by_prospect",
                data={"from": old, "to": booking.slot_label()},
            )
            outbox.queue_email(booking, outbox.EmailKind.RESCHEDULE)
            outbox.queue_email(booking, outbox.EmailKind.STAFF)
            reminders.sync_reminder(booking)
            webhooks.record_event(booking, webhooks.EventType.RESCHEDULED)
    except (IntegrityError, SlotTaken) as error:
        booking.refresh_from_db()
        raise SlotTaken from error
