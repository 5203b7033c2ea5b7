"""Staff's 08:00 digest of the day's calls, through the outbox, the production worker and a
real SMTP server. The clock is the `now` the worker's periodic job is given."""

import datetime as dt
import email
from email import policy

import pytest

from bookings import digest
from bookings.models import BookingSettings, StaffDigest
from tests.helpers import make_booking, run_worker

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("demo_content"),
]

UTC = dt.UTC


def call(start, **fields):
    return make_booking(
        slot_start=start,
        slot_end=start + dt.timedelta(minutes=45),
        hold_until=start + dt.timedelta(minutes=60),
        **fields,
    )


def received(smtp):
    return [email.message_from_bytes(m.content, policy=policy.default) for m in smtp.messages]


def test_at_0800_uk_time_staff_get_that_days_calls_once(db_tasks, smtp):
    """Monday 29 March 2027, the first day of BST: 08:00 UK time is 07:00 UTC, and the UK day
    runs from 23:00 UTC the evening before."""
    settings_ = BookingSettings.load()
    settings_.default_meeting_link = "https://meet.example.com/default"
    settings_.save()
    early = call(dt.datetime(2027, 3, 28, 23, 30, tzinfo=UTC), company="Early Birds Ltd")
    call(
        dt.datetime(2027, 3, 29, 13, 0, tzinfo=UTC),
        company="Afternoon Ltd",
        name="Ada Lovelace",
        meeting_link="https://video.example.org/ada",
    )
    call(dt.datetime(2027, 3, 29, 23, 30, tzinfo=UTC), company="Tuesday Ltd")  # 00:30 Tue
    call(dt.datetime(2027, 3, 28, 22, 30, tzinfo=UTC), company="Sunday Ltd")  # 23:30 Sun
    call(dt.datetime(2027, 3, 29, 10, 0, tzinfo=UTC), company="Cancelled Ltd", status="cancelled")

    assert digest.send_due_digest(now=dt.datetime(2027, 3, 29, 6, 59, tzinfo=UTC)) is None
    run_worker()
    assert smtp.messages == []

    assert digest.send_due_digest(now=dt.datetime(2027, 3, 29, 7, 0, tzinfo=UTC))
    # Later runs that day (another worker, a restart) send nothing more.
    assert digest.send_due_digest(now=dt.datetime(2027, 3, 29, 7, 1, tzinfo=UTC)) is None
    assert digest.send_due_digest(now=dt.datetime(2027, 3, 29, 22, 59, tzinfo=UTC)) is None
    run_worker()

    (message,) = received(smtp)
    assert smtp.messages[0].rcpt_tos == ["hello@apiwise.example"]
    assert message["Subject"] == "Today's Health Check calls (2): Monday 29 March 2027"
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "00:30–01:15 BST  Early Birds Ltd, Grace Hopper" in text
    assert "14:00–14:45 BST  Afternoon Ltd, Ada Lovelace" in text
    assert text.index("Early Birds") < text.index("Afternoon")
    assert "Call: https://meet.example.com/default" in text
    assert "Call: https://video.example.org/ada" in text
    assert f"http://testserver/admin/bookings/requests/inspect/{early.pk}/" in text
    for other in ("Tuesday Ltd", "Sunday Ltd", "Cancelled Ltd"):
        assert other not in text
    html = message.get_body(preferencelist=("html",)).get_content()
    assert 'href="https://video.example.org/ada"' in html


def test_in_winter_the_digest_waits_for_0800_gmt(db_tasks, smtp):
    call(dt.datetime(2027, 11, 1, 10, 0, tzinfo=UTC), company="Winter Ltd")
    assert digest.send_due_digest(now=dt.datetime(2027, 11, 1, 7, 59, tzinfo=UTC)) is None
    assert digest.send_due_digest(now=dt.datetime(2027, 11, 1, 8, 0, tzinfo=UTC))
    run_worker()
    (message,) = received(smtp)
    assert "10:00–10:45 GMT  Winter Ltd" in message.get_body(("plain",)).get_content()


def test_a_day_without_calls_sends_nothing(db_tasks, smtp):
    call(dt.datetime(2027, 11, 2, 10, 0, tzinfo=UTC), company="Tomorrow Ltd")
    assert digest.send_due_digest(now=dt.datetime(2027, 11, 1, 8, 0, tzinfo=UTC)) is None
    run_worker()
    assert smtp.messages == []
    assert StaffDigest.objects.get().date == dt.date(2027, 11, 1)
