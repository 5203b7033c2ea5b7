"""Each Sales user's private calendar feed: an .ics subscription (Outlook, Google Calendar,
Apple Calendar) listing the upcoming Health Checks, at /calendar/<token>.ics.

The token is a 256-bit secret shown once, when it is made; only its SHA-256 is stored, and the
feed is found by that hash (an index lookup, so response times say nothing about how close a
guess was). Making a new link revokes the old one. A feed works only while its user may see
Health Check requests (Sales or superuser) and is active.
"""

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from bookings import links
from bookings.models.availability import BookingSettings
from bookings.models.booking import ACTIVE_STATUSES, Booking
from bookings.models.calendar_feed import CalendarFeed
from bookings.outbox import EmailKind

# Calls from a day ago onwards: today's finished calls stay visible, older ones drop off.
LOOK_BACK = dt.timedelta(days=1)
# How often calendar apps are asked to fetch the feed (Google Calendar decides for itself).
REFRESH = dt.timedelta(hours=1)


def hash_token(token):
    return hashlib.sha256(str(token).encode()).hexdigest()


def may_subscribe(user):
    return bool(user.is_active and user.has_perm("bookings.view_booking"))


def new_token(user):
    """Make the user a new feed (revoking any old one) and return its secret token: the only
    time it exists outside the subscriber's calendar."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        CalendarFeed.objects.filter(user=user).delete()
        CalendarFeed.objects.create(user=user, token_hash=hash_token(token))
    return token


def revoke(user):
    return CalendarFeed.objects.filter(user=user).delete()[0] > 0


def feed_for_token(token):
    """The live feed for a token, or None (unknown, revoked, or its user may no longer see
    bookings)."""
    feed = CalendarFeed.objects.select_related("user").filter(token_hash=hash_token(token)).first()
    if feed is None or not may_subscribe(feed.user):
        return None
    return feed


def feed_path(token):
    return reverse("bookings_calendar_feed", args=[token])


def upcoming_calls(now):
    return (
        Booking.objects.filter(
            status__in=ACTIVE_STATUSES,
            slot_start__gte=now - LOOK_BACK,
            anonymised_at__isnull=True,
        )
        .annotate(reschedules=Count("deliveries", filter=Q(deliveries__kind=EmailKind.RESCHEDULE)))
        .order_by("slot_start")
    )


def call_event(booking, default_link, domain, now):
    meeting = booking.meeting_url(default_link)
    lines = [f"Reference: {booking.reference} ({booking.get_status_display()})"]
    if meeting:
        lines.append(f"Join the call: {meeting}")
    lines.append(f"In the admin: {links.admin_url(booking)}")

    event = Event()
    # Stable per booking (the prospect's invite has its own UID); SEQUENCE moves on with each
    # new time, so calendars replace the old one.
    event.add("uid", f"{booking.reference}.staff@{domain}")
    event.add("sequence", booking.reschedules)
    event.add("dtstamp", now)
    event.add("last-modified", booking.updated_at)
    event.add("dtstart", booking.slot_start)
    event.add("dtend", booking.slot_end)
    event.add("summary", f"Health Check: {booking.company} ({booking.name})")
    event.add("description", "\n".join(lines))
    if meeting:
        event.add("location", meeting)
    event.add("url", links.admin_url(booking))
    event.add("status", "CONFIRMED")
    return event


def feed_calendar(organisation="APIwise", domain="apiwise.example", now=None):
    now = now or timezone.now()
    default_link = BookingSettings.load().default_meeting_link
    calendar = Calendar()
    calendar.add("prodid", f"-//{organisation}//Health Check calendar feed//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{organisation} Health Checks")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    for booking in upcoming_calls(now):
        calendar.add_component(call_event(booking, default_link, domain, now))
    return calendar.to_ical().decode("utf-8")
