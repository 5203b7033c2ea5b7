"""Two stated instants for the tests of what a booking queues. The demo availability's first
free slot is Tuesday 10:00 either way, but whether it gets a reminder (bookings/reminders.py)
depends on how far away that is. Each case: the call's label, and when its reminder is due
(None: booked with less than 24 hours' notice, the confirmation is reminder enough)."""

import datetime as dt

import pytest

FIRST_CALL_AND_REMINDER = [
    pytest.param(
        "Tue 1 Dec 2026, 10:00–10:45 GMT",
        None,
        id="monday-14:00-call-in-20-hours",
        marks=pytest.mark.clock("2026-11-30 14:00"),
    ),
    pytest.param(
        "Tue 8 Dec 2026, 10:00–10:45 GMT",
        dt.datetime(2026, 12, 7, 10, 0, tzinfo=dt.UTC),  # Monday 10:00 GMT
        id="sunday-20:40-call-in-37-hours",
        marks=pytest.mark.clock("2026-12-06 20:40"),
    ),
]
