"""An iCalendar (RFC 5545) invite for a booked slot. Escaping, folding and line endings are
the icalendar library's job."""

from django.utils import timezone
from icalendar import Calendar, Event

from bookings.booking_story import story_of


def invite(
    booking, organisation="APIwise", domain="apiwise.example", url="", sequence=0, meeting_url=""
):
    """The invite for the booking's call. Its title and description tell the same story as the
    confirmation page and e-mails (bookings/booking_story.py)."""
    story = story_of(booking, organisation, meeting_url=meeting_url)
    event = Event()
    event.add("uid", f"{booking.reference}@{domain}")
    event.add("sequence", sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", booking.slot_start)
    event.add("dtend", booking.slot_end)
    event.add("summary", story.calendar_title)
    description = "\n".join(
        [*story.lines(), f"Booking reference {booking.reference}. {url}".strip()]
    )
    if meeting_url:
        # Calendars show LOCATION next to the time, and most make a link of it.
        event.add("location", meeting_url)
        description += f"\nJoin the call: {meeting_url}"
    event.add("description", description)
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    if url:
        event.add("url", url)

    calendar = Calendar()
    calendar.add("prodid", f"-//{organisation}//Health Check bookings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
