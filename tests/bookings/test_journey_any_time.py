"""The whole booking journey, started at awkward moments: the times offered, the booking, the
confirmation page and e-mail, the reminder, staff's 08:00 digest and the cancel link.

Each case says, in UK time, what a person would expect with the demo availability (Tuesday to
Thursday 10:00-16:00 UK time, 45-minute slots an hour apart, one working day's notice, England
and Wales bank holidays blocked). The test moves its clock through the journey (tests/clock.py),
and the production task backend runs in this process, so the worker sees the same clock.
"""

import datetime as dt
import email
import re
from dataclasses import dataclass
from email import policy
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils.module_loading import import_string

from bookings.models import Booking
from tests.clock import instant
from tests.helpers import form_data, run_worker

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("demo_content"),
]

PROSPECT = "ada@example.co.uk"
STAFF = "hello@apiwise.example"


@dataclass(frozen=True)
class Case:
    days: tuple  # the first three days the picker offers
    call: str  # the first time offered, as the picker, the reminder and the digest put it
    booked: str  # the time booked, as the confirmation page, e-mails and invite put it
    call_utc: str  # its start in the calendar invite
    reminder_at: str | None  # UK time; None: booked less than 24 hours ahead, no reminder
    digest_at: str  # UK time: 08:00 on the day of the call
    call_day: str  # the day of the call, as the digest's subject says it


CASES = [
    pytest.param(
        Case(
            days=("Tuesday 1 December", "Wednesday 2 December", "Thursday 3 December"),
            call="Tue 1 Dec 2026, 10:00–10:45 GMT",
            booked="Tuesday 1 December 2026, 10:00–10:45",
            call_utc="20261201T100000Z",
            reminder_at=None,  # 20 hours away
            digest_at="2026-12-01 08:00",
            call_day="Tuesday 1 December 2026",
        ),
        id="monday-14:00",
        marks=pytest.mark.clock("2026-11-30 14:00"),
    ),
    pytest.param(
        Case(
            days=("Tuesday 8 December", "Wednesday 9 December", "Thursday 10 December"),
            call="Tue 8 Dec 2026, 10:00–10:45 GMT",
            booked="Tuesday 8 December 2026, 10:00–10:45",
            call_utc="20261208T100000Z",
            reminder_at="2026-12-07 10:00",
            digest_at="2026-12-08 08:00",
            call_day="Tuesday 8 December 2026",
        ),
        id="sunday-20:40",
        marks=pytest.mark.clock("2026-12-06 20:40"),
    ),
    pytest.param(
        Case(
            days=("Tuesday 8 December", "Wednesday 9 December", "Thursday 10 December"),
            call="Tue 8 Dec 2026, 10:00–10:45 GMT",
            booked="Tuesday 8 December 2026, 10:00–10:45",
            call_utc="20261208T100000Z",
            reminder_at="2026-12-07 10:00",  # 25 h 50 min ahead: later the same morning
            digest_at="2026-12-08 08:00",
            call_day="Tuesday 8 December 2026",
        ),
        id="monday-08:10",
        marks=pytest.mark.clock("2026-12-07 08:10"),
    ),
    pytest.param(
        Case(
            days=("Tuesday 15 December", "Wednesday 16 December", "Thursday 17 December"),
            call="Tue 15 Dec 2026, 10:00–10:45 GMT",
            booked="Tuesday 15 December 2026, 10:00–10:45",
            call_utc="20261215T100000Z",
            reminder_at="2026-12-14 10:00",
            digest_at="2026-12-15 08:00",
            call_day="Tuesday 15 December 2026",
        ),
        id="friday-17:30",
        marks=pytest.mark.clock("2026-12-11 17:30"),
    ),
    pytest.param(
        # Christmas Day and the Boxing Day substitute (Monday 28th) are not working days.
        Case(
            days=("Tuesday 29 December", "Wednesday 30 December", "Thursday 31 December"),
            call="Tue 29 Dec 2026, 10:00–10:45 GMT",
            booked="Tuesday 29 December 2026, 10:00–10:45",
            call_utc="20261229T100000Z",
            reminder_at="2026-12-28 10:00",
            digest_at="2026-12-29 08:00",
            call_day="Tuesday 29 December 2026",
        ),
        id="christmas-eve-16:00",
        marks=pytest.mark.clock("2026-12-24 16:00"),
    ),
    pytest.param(
        # 00:30 GMT; at 01:00 the clocks go forward. Monday is Easter Monday.
        Case(
            days=("Tuesday 30 March", "Wednesday 31 March", "Thursday 1 April"),
            call="Tue 30 Mar 2027, 10:00–10:45 BST",
            booked="Tuesday 30 March 2027, 10:00–10:45",
            call_utc="20270330T090000Z",
            reminder_at="2027-03-29 10:00",
            digest_at="2027-03-30 08:00",
            call_day="Tuesday 30 March 2027",
        ),
        id="clocks-go-forward-00:30",
        marks=pytest.mark.clock("2027-03-28 00:30"),
    ),
    pytest.param(
        # 00:30 BST (23:30 UTC on Saturday); at 02:00 the clocks go back.
        Case(
            days=("Tuesday 2 November", "Wednesday 3 November", "Thursday 4 November"),
            call="Tue 2 Nov 2027, 10:00–10:45 GMT",
            booked="Tuesday 2 November 2027, 10:00–10:45",
            call_utc="20271102T100000Z",
            reminder_at="2027-11-01 10:00",
            digest_at="2027-11-02 08:00",
            call_day="Tuesday 2 November 2027",
        ),
        id="clocks-go-back-00:30",
        marks=pytest.mark.clock("2027-10-31 00:30"),
    ),
]


def worker_minute():
    """What the production worker does in a minute: its periodic jobs (the digest among them),
    then every task that is due."""
    for path in settings.WORKER_PERIODIC_JOBS:
        import_string(path)()
    run_worker()


def prospect_first(messages):
    """Two messages sent together, the prospect's first (the worker may send either first)."""
    return sorted(messages, key=lambda message: message[0] != [PROSPECT])


def received(smtp):
    """(recipients, subject, plain text) of every message, in order; the server keeps them."""
    out = []
    for envelope in smtp.messages:
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        text = message.get_body(preferencelist=("plain",)).get_content()
        out.append((envelope.rcpt_tos, message["Subject"], text))
    return out


def offered(html):
    """(day, "n times free") of each day in the picker, and (value, label) of the first time."""
    days = re.findall(
        r'<span class="slot-day__name">([^<]+)</span> <span class="slot-day__count">([^<]+)</span>',
        html,
    )
    first = re.search(r'name="slot" id="[^"]+" value="([^"]+)" data-choice="([^"]+)"', html)
    return days, first.groups()


@pytest.mark.parametrize("case", CASES)
def test_a_booking_made_at_an_awkward_moment_does_what_a_person_expects(
    client, db_tasks, smtp, clock, case
):
    # The page offers the next working day with a window, from its first time.
    days, (slot, label) = offered(client.get("/health-check/").content.decode())
    assert [day for day, _count in days[:3]] == list(case.days)
    assert days[0][1] == "6 times free"  # 10:00 to 15:00, on the hour
    assert label == case.call

    # Booking it: the confirmation page shows the time in UK time, with an invite.
    response = client.post("/health-check/", form_data(slot=slot))
    assert response.status_code == 303
    page = client.get(response["Location"]).content.decode()
    assert f"<strong>Booked: {case.booked} (UK time)</strong>" in page
    ics_url = re.search(r'href="([^"]+/calendar/)"', page).group(1)
    assert f"DTSTART:{case.call_utc}" in client.get(ics_url).content.decode()
    booking = Booking.objects.get()

    # The worker sends the confirmation and staff's notice at once.
    worker_minute()
    (to_prospect, confirmation, text), (to_staff, notice, _) = prospect_first(received(smtp))
    assert to_prospect == [PROSPECT] and to_staff == [STAFF]
    assert confirmation == f"Booked: your Health Check call on {case.call} ({booking.reference})"
    assert f"Booked: {case.booked} (UK time)" in text
    manage_path = urlsplit(re.search(r"http\S+/manage/\S+", text).group()).path
    assert "Analytical Engines Ltd" in notice

    # The reminder: 24 hours before the call, and not a minute sooner; or none at all.
    reminders = booking.deliveries.filter(kind="reminder")
    if case.reminder_at is None:
        assert not reminders.exists()
    else:
        due = instant(case.reminder_at)
        assert reminders.get().next_attempt_at == due
        clock.move_to(due - dt.timedelta(minutes=1))
        worker_minute()
        assert len(smtp.messages) == 2
        clock.move_to(due)
        worker_minute()
        (to, subject, text) = received(smtp)[2]
        assert to == [PROSPECT]
        assert (
            subject == f"Reminder: your Health Check call is on {case.call} ({booking.reference})"
        )
        assert f"{case.call} (UK time)" in text
    sent_before_the_digest = len(smtp.messages)

    # Staff's digest of the day's calls: at 08:00 UK time on the day, not before.
    clock.move_to(instant(case.digest_at) - dt.timedelta(minutes=1))
    worker_minute()
    assert len(smtp.messages) == sent_before_the_digest
    clock.move_to(case.digest_at)
    worker_minute()
    (to, subject, text) = received(smtp)[-1]
    assert to == [STAFF]
    assert subject == f"Today's Health Check calls (1): {case.call_day}"
    time_only = case.call.split(", ")[1]  # "10:00–10:45 GMT"
    assert f"{time_only}  Analytical Engines Ltd, Ada Lovelace ({booking.reference})" in text

    # Two hours before the call, the link in the confirmation still cancels it.
    assert case.call in client.get(manage_path).content.decode()
    response = client.post(manage_path, {"action": "cancel"})
    assert response.status_code == 303
    assert "Your booking is cancelled" in client.get(response["Location"]).content.decode()
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    worker_minute()
    (to_prospect, _, text), (to_staff, notice, _) = prospect_first(received(smtp)[-2:])
    assert to_prospect == [PROSPECT] and f"(it was on {case.call}, UK time)" in text
    assert to_staff == [STAFF] and notice.endswith(", Cancelled by the prospect")
