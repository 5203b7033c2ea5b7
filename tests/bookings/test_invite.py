"""The calendar invite (.ics) a prospect downloads or gets by e-mail."""

import datetime as dt

import pytest
from icalendar import Calendar

from bookings.ics import invite
from tests.helpers import make_booking

pytestmark = pytest.mark.django_db


def test_a_long_non_ascii_invite_is_folded_escaped_and_reads_back_the_same():
    start = dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC)
    booking = make_booking(slot_start=start, slot_end=start + dt.timedelta(minutes=45))
    organisation = "Zoë’s Café; Ünïcode, Ltd — “quoted” 日本語 " * 3
    url = "https://apiwise.example/health-check/?utm=" + "é" * 60
    body = invite(booking, organisation=organisation, domain="apiwise.example", url=url)

    raw = body.encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line  # RFC 5545 3.1: fold at 75 octets
        line.decode("utf-8")  # never split inside a character

    event = Calendar.from_ical(body).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == f"Integration Health Check with {organisation}"
    description = str(event["DESCRIPTION"]).splitlines()
    assert description[0] == "Booked: Tuesday 1 December 2026, 10:00–10:45 (UK time)"
    assert description[-1] == f"Booking reference {booking.reference}. {url}"
    assert event.decoded("DTSTART") == start
    assert str(event["UID"]) == f"{booking.reference}@apiwise.example"
