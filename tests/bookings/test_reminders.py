"""The reminder 24 hours before the call, and the meeting link, with the production task
backend, its worker and a real SMTP server. The clock moves by shifting every scheduled task
and e-mail earlier (tests.helpers.time_passes)."""

import datetime as dt
import email
from email import policy

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from apiwise import outbox
from apiwise.models import EmailDelivery
from bookings import services
from bookings.models import Booking, BookingSettings
from bookings.slots import Rules, Slot
from tests.helpers import run_worker, time_passes

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("demo_content"),
]

PROSPECT = "ada@example.co.uk"
CALL = "https://meet.example.com/apiwise-health-check"


def slot_at(start):
    start = start.astimezone(dt.UTC).replace(second=0, microsecond=0)
    return Slot(start, start + dt.timedelta(minutes=45))


def book(start, **fields):
    data = {
        "name": "Ada Lovelace",
        "email": PROSPECT,
        "company": "Analytical Engines Ltd",
        "problem": "Orders from Shopify are typed into Xero by hand.",
        "volume": "lt1000",
        **fields,
    }
    return services.create_booking(data, slot=slot_at(start), rules=Rules.current())


def reminders_received(smtp):
    parsed = [email.message_from_bytes(m.content, policy=policy.default) for m in smtp.messages]
    return [m for m in parsed if m["Subject"].startswith("Reminder")]


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def until(moment):
    """Seconds from now to `moment`."""
    return (moment - timezone.now()).total_seconds()


def reminder_of(booking):
    return booking.deliveries.get(kind="reminder", state="queued")


@pytest.mark.parametrize(
    ("start", "label"),
    [
        # The Monday after the clocks go forward (Sunday 28 March 2027): 10:00 BST.
        (dt.datetime(2027, 3, 29, 9, 0, tzinfo=dt.UTC), "Mon 29 Mar 2027, 10:00–10:45 BST"),
        # The Monday after they go back (Sunday 31 October 2027): 10:00 GMT.
        (dt.datetime(2027, 11, 1, 10, 0, tzinfo=dt.UTC), "Mon 1 Nov 2027, 10:00–10:45 GMT"),
    ],
)
def test_the_reminder_arrives_24_hours_before_in_uk_time_with_the_links(
    db_tasks, smtp, start, label
):
    settings_ = BookingSettings.load()
    settings_.default_meeting_link = CALL
    settings_.save()
    booking = book(start)
    run_worker()
    assert len(smtp.messages) == 2  # the confirmation and staff's notice, not the reminder

    reminder = reminder_of(booking)
    due = start - dt.timedelta(hours=24)
    assert reminder.next_attempt_at == due
    assert DBTaskResult.objects.get(id=reminder.task_id).run_after == due

    time_passes(until(due) - 60)  # a minute early: not yet
    run_worker()
    assert reminders_received(smtp) == []

    time_passes(61)
    run_worker()
    (received,) = reminders_received(smtp)
    assert received["To"] == PROSPECT
    assert label in received["Subject"]
    body = text_of(received)
    assert f"{label} (UK time)" in body
    assert f"Join the call: {CALL}" in body
    assert "/health-check/manage/" in body
    html = received.get_body(preferencelist=("html",)).get_content()
    assert f'href="{CALL}"' in html and "cancel or pick another time" in html

    # Sent once: a later recovery pass and worker run send nothing more.
    outbox.requeue_stale()
    run_worker()
    assert len(reminders_received(smtp)) == 1
    assert booking.deliveries.get(kind="reminder").state == "sent"


def test_no_reminder_for_a_call_booked_less_than_24_hours_ahead(db_tasks, smtp):
    booking = book(timezone.now() + dt.timedelta(hours=10))
    assert not booking.deliveries.filter(kind="reminder").exists()
    time_passes(10 * 3600)
    run_worker()
    assert len(smtp.messages) == 2
    assert reminders_received(smtp) == []


def test_a_cancelled_call_gets_no_reminder(db_tasks, smtp):
    start = timezone.now() + dt.timedelta(weeks=3)
    booking = book(start)
    services.cancel(booking)
    time_passes(until(start))
    run_worker()
    assert reminders_received(smtp) == []
    assert booking.deliveries.get(kind="reminder").get_state_display() == (
        "Not sent: the call was cancelled or moved"
    )


def test_a_call_declined_by_other_means_is_checked_again_at_send_time(db_tasks, smtp):
    start = timezone.now() + dt.timedelta(weeks=3)
    booking = book(start)
    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.DECLINED)
    time_passes(until(start))
    run_worker()
    assert reminders_received(smtp) == []
    assert booking.deliveries.get(kind="reminder").state == "skipped"


def test_a_rescheduled_call_gets_one_reminder_for_its_new_time(db_tasks, smtp):
    first = timezone.now() + dt.timedelta(weeks=3)
    booking = book(first)
    later = slot_at(first + dt.timedelta(days=7))
    services.reschedule(booking, later, Rules.current())

    time_passes(until(first))  # past the old reminder's time
    run_worker()
    assert reminders_received(smtp) == []

    time_passes(7 * 24 * 3600)
    run_worker()
    (received,) = reminders_received(smtp)
    assert later.label in text_of(received)
    states = dict(booking.deliveries.filter(kind="reminder").values_list("for_slot_start", "state"))
    assert states == {slot_at(first).start: "skipped", later.start: "sent"}


def test_a_reminder_whose_task_was_lost_is_still_sent_once(db_tasks, smtp):
    start = timezone.now() + dt.timedelta(weeks=3)
    booking = book(start)
    run_worker()
    # The queue lost the deferred task (restored from a backup, pruned, ...): the outbox row
    # is still there, and the worker's recovery pass finds it once it is due.
    DBTaskResult.objects.filter(id=reminder_of(booking).task_id).delete()
    time_passes(until(start - dt.timedelta(hours=24)) + 1)
    assert outbox.requeue_stale() == 1
    run_worker()
    assert outbox.requeue_stale() == 0
    run_worker()
    assert len(reminders_received(smtp)) == 1


def test_the_booking_own_meeting_link_wins_and_is_in_the_invite(db_tasks, smtp):
    from icalendar import Calendar

    settings_ = BookingSettings.load()
    settings_.default_meeting_link = CALL
    settings_.save()
    own = "https://video.example.org/room/ada"
    book(timezone.now() + dt.timedelta(weeks=3), meeting_link=own)
    run_worker()
    confirmation = next(
        email.message_from_bytes(m.content, policy=policy.default)
        for m in smtp.messages
        if m.rcpt_tos == [PROSPECT]
    )
    assert f"Join the call: {own}" in text_of(confirmation)
    assert CALL not in text_of(confirmation)
    ics = next(
        p for p in confirmation.iter_attachments() if p.get_content_type() == "text/calendar"
    )
    event = Calendar.from_ical(ics.get_content()).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == own
    assert own in str(event["DESCRIPTION"])


def test_an_unwanted_reminder_is_not_resurrected_by_a_status_change(db_tasks, smtp):
    """Moving a request along (new → contacted) keeps its one reminder."""
    booking = book(timezone.now() + dt.timedelta(weeks=3))
    from bookings.reminders import sync_reminder

    booking.status = Booking.Status.CONTACTED
    booking.save()
    sync_reminder(booking)
    assert list(booking.deliveries.filter(kind="reminder").values_list("state", flat=True)) == [
        "queued"
    ]
    assert EmailDelivery.objects.filter(kind="reminder").count() == 1


def test_end_to_end_a_prospect_books_on_the_site_and_the_production_worker_reminds_them(
    client, db_tasks, smtp, production_worker, monkeypatch
):
    """The public form, then the worker in its own process with the production settings,
    sending through the SMTP server on loopback."""
    from bookings.slots import free_slots
    from tests.helpers import form_data

    monkeypatch.setenv("EMAIL_HOST", "127.0.0.1")
    monkeypatch.setenv("EMAIL_PORT", str(smtp.port))
    slot = free_slots()[-1]  # weeks ahead
    response = client.post("/health-check/", form_data(slot=slot.value))
    assert response.status_code == 303
    production_worker()
    assert len(smtp.messages) == 2 and reminders_received(smtp) == []

    time_passes(until(slot.start - dt.timedelta(hours=24)) + 1)
    production_worker()
    (received,) = reminders_received(smtp)
    assert received["To"] == PROSPECT
    assert f"{slot.label} (UK time)" in text_of(received)
