"""Staff's morning digest: the day's Health Check calls, e-mailed at 08:00 UK time.

The worker runs `send_due_digest()` every minute (settings.WORKER_PERIODIC_JOBS). From 08:00
Europe/London (zoneinfo: right in BST and GMT alike) it queues that day's digest once: a
`StaffDigest` row per UK date, unique, written in the same transaction as the outbox row, so
two workers, a restart or a second run that day send nothing more. A worker that was down at
08:00 sends it when it comes back, the same day. A day with no calls gets no e-mail.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from bookings import links
from bookings.models.availability import BookingSettings
from bookings.models.booking import ACTIVE_STATUSES, Booking
from bookings.models.digest import StaffDigest
from bookings.outbox import EmailKind
from bookings.slots import LONDON, Slot

DIGEST_TIME = dt.time(8, 0)


def due_date(now):
    """The UK date whose digest is due at `now`, or None before 08:00 UK time."""
    local = now.astimezone(LONDON)
    return local.date() if local.time() >= DIGEST_TIME else None


def calls_on(day):
    """Active calls starting on that UK date (a 23- or 25-hour day when the clocks change)."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=LONDON)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=LONDON)
    return Booking.objects.filter(
        status__in=ACTIVE_STATUSES,
        slot_start__gte=start,
        slot_start__lt=end,
        anonymised_at__isnull=True,
    ).order_by("slot_start")


def _rows(calls):
    default_link = BookingSettings.load().default_meeting_link
    return [
        {
            "time": Slot(call.slot_start, call.slot_end).time_label,
            "booking": call,
            "meeting_url": call.meeting_url(default_link),
            "admin_url": links.admin_url(call),
        }
        for call in calls
    ]


def queue_digest(day):
    """Queue the digest for `day` unless it was already queued; returns its delivery (None
    when there is nothing to send, or it was done before). Call inside a transaction."""
    from apiwise import outbox
    from bookings import emails

    if StaffDigest.objects.filter(date=day).exists():
        return None  # the usual case, every minute after 08:00: no failed insert to log
    try:
        with transaction.atomic():
            digest = StaffDigest.objects.create(date=day)
    except IntegrityError:
        return None  # another worker, or an earlier run, has done it
    calls = list(calls_on(day))
    if not calls:
        return None
    _site, site_settings, _page = emails.site_context()
    context = {
        "day": f"{day:%A} {day.day} {day:%B %Y}",
        "rows": _rows(calls),
        "organisation": site_settings.organisation_name if site_settings else "APIwise",
    }
    delivery = outbox.queue_message(
        EmailKind.DIGEST,
        to=emails.staff_recipients(site_settings),
        subject=f"Today's Health Check calls ({len(calls)}): {context['day']}",
        body=render_to_string("bookings/email/digest.txt", context),
        html=render_to_string("bookings/email/digest.html", context),
    )
    StaffDigest.objects.filter(pk=digest.pk).update(delivery=delivery)
    return delivery


def send_due_digest(now=None):
    """The worker's periodic job: queue today's digest once it is 08:00 UK time."""
    day = due_date(now or timezone.now())
    if day is None:
        return None
    with transaction.atomic():
        return queue_digest(day)
