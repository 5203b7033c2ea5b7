"""No double booking, enforced by PostgreSQL, including under concurrent requests."""

import datetime as dt
import threading
import time

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client

from bookings.models import Booking
from bookings.slots import free_slots
from tests.helpers import form_data

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the exclusion constraint exists on PostgreSQL only"
)


def booking(start, minutes=45, buffer=15, **fields):
    end = start + dt.timedelta(minutes=minutes)
    data = {
        "name": "A",
        "email": "a@example.com",
        "company": "A",
        "problem": "p",
        "volume": "unsure",
        "slot_start": start,
        "slot_end": end,
        "hold_until": end + dt.timedelta(minutes=buffer),
    }
    data.update(fields)
    return Booking(**data)


@postgres_only
@pytest.mark.django_db
def test_database_refuses_overlapping_active_bookings_buffer_included():
    start = dt.datetime(2030, 1, 8, 10, tzinfo=dt.UTC)
    booking(start).save()
    # Starts 10 minutes after the first ends: inside its 15-minute buffer.
    with pytest.raises(IntegrityError), transaction.atomic():
        booking(start + dt.timedelta(minutes=55)).save()
    # Right after the buffer: fine.
    booking(start + dt.timedelta(minutes=60)).save()
    # Spam and cancelled requests hold no time.
    booking(start, status="cancelled").save()
    booking(start, status="spam").save()


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("demo_content")
def test_two_people_booking_the_same_slot_at_once_one_wins(settings):
    settings.BOOKINGS_RATE_LIMIT = 1000
    slot = free_slots()[0]
    barrier = threading.Barrier(2)
    responses = {}

    def visitor(name):
        client = Client()
        data = form_data(slot=slot.value, company=f"{name} Ltd", name=name)
        barrier.wait()
        try:
            responses[name] = client.post("/health-check/", data)
        finally:
            connection.close()

    threads = [threading.Thread(target=visitor, args=(n,)) for n in ("Alice", "Bob")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert Booking.objects.filter(slot_start=slot.start).count() == 1
    winner = Booking.objects.get(slot_start=slot.start).name
    loser = "Bob" if winner == "Alice" else "Alice"
    assert responses[winner].status_code == 303
    page = responses[loser]
    html = page.content.decode()
    assert page.status_code == 200
    assert "Sorry, that slot was just taken" in html
    assert f'value="{loser} Ltd"' in html  # what they typed is kept
    assert slot.label not in html  # the taken slot is no longer offered ...
    assert free_slots()[0].label in html  # ... the remaining ones are
    assert Booking.objects.count() == 1


@pytest.mark.django_db
def test_submitting_a_slot_taken_since_the_form_was_shown_says_so(client, first_free_slot):
    client.post("/health-check/", form_data(slot=first_free_slot.value))
    response = client.post(
        "/health-check/", form_data(slot=first_free_slot.value, company="Second Ltd")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sorry, that slot was just taken" in html
    assert 'value="Second Ltd"' in html
    assert Booking.objects.count() == 1


def lock_waiters():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def wait_for_a_lock_waiter(timeout=10):
    deadline = time.monotonic() + timeout
    while not lock_waiters():
        if time.monotonic() > deadline:
            raise TimeoutError("nobody waited on our rows")
        time.sleep(0.02)


class Abandon(Exception):
    pass


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("demo_content")
def test_a_request_caught_in_a_deadlock_is_retried_not_lost(client, settings):
    """PostgreSQL aborts one side of a deadlock on the exclusion constraint. Here that is the
    visitor's request: another transaction holds a booking touching the start of the visitor's
    slot, and then books one touching its end, so each waits for the other."""
    settings.BOOKINGS_MIN_FILL_SECONDS = 0
    slot = free_slots()[0]
    ready = threading.Event()
    other = {}

    def other_transaction():
        try:
            with transaction.atomic():
                booking(slot.start - dt.timedelta(minutes=10), minutes=5, buffer=10).save()
                ready.set()
                wait_for_a_lock_waiter()  # the visitor's insert waits for us
                # Now we wait for the visitor: a deadlock, which PostgreSQL ends by aborting
                # the visitor's transaction (it has waited longer).
                booking(slot.end + dt.timedelta(minutes=10), minutes=5, buffer=10).save()
                other["second_saved"] = True
                wait_for_a_lock_waiter()  # the visitor's retry waits for us again
                raise Abandon
        except Abandon:
            pass
        finally:
            connection.close()

    thread = threading.Thread(target=other_transaction)
    thread.start()
    assert ready.wait(10)
    response = client.post("/health-check/", form_data(slot=slot.value))
    thread.join(30)

    assert other.get("second_saved"), "the visitor's transaction was not the one aborted"
    assert response.status_code == 303
    assert Booking.objects.get().slot_start == slot.start
    assert Booking.objects.get().reference in client.get(response["Location"]).content.decode()


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("demo_content")
def test_a_resubmit_whose_first_submit_just_took_the_slot_leads_to_that_booking(settings):
    """A double click: the first submit commits its booking just after the second looked for
    it and just before the second reads which slots are taken. The browser shows the second
    answer, which must be the first's confirmation, not "that slot was just taken".

    The timing is made exact by pausing the second request (with Django's query wrapper)
    right before it reads the taken slots, while the first submit's booking is committed."""
    from django.test import RequestFactory

    from bookings import links, services
    from bookings.forms import BookingForm
    from bookings.slots import Rules

    settings.BOOKINGS_RATE_LIMIT = 1000
    slot = free_slots()[0]
    data = form_data(slot=slot.value)
    paused, resume, second = threading.Event(), threading.Event(), {}
    browser = Client()
    browser.get("/health-check/")  # shown the form: the browser has its CSRF cookie

    def pause_before_reading_taken_slots(execute, sql, params, many, context):
        if '"bookings_booking"."hold_until" AS' in sql and not paused.is_set():
            paused.set()
            resume.wait(20)
        return execute(sql, params, many, context)

    def submit_again():
        try:
            with connection.execute_wrapper(pause_before_reading_taken_slots):
                second["response"] = browser.post("/health-check/", data)
        finally:
            connection.close()

    resubmit = threading.Thread(target=submit_again)
    resubmit.start()
    assert paused.wait(20), "the second submit never read the taken slots"
    # The first submit commits now.
    form = BookingForm(data, free_slots=[slot], offered_slots=[slot])
    assert form.is_valid(), form.errors
    first = services.create_booking(form.booking_fields(), slot=slot, rules=Rules.current())
    # ...from this browser, whose first answer (and session cookie) has not arrived yet.
    first_submit = RequestFactory().post("/health-check/")
    first_submit.COOKIES = {name: morsel.value for name, morsel in browser.cookies.items()}
    links.remember_browser(first_submit, first)
    resume.set()
    resubmit.join(30)

    response = second["response"]
    assert response.status_code == 303, response.content.decode()[:2000]
    assert response["Location"].endswith("/health-check/booked/")
    assert list(Booking.objects.values_list("pk", flat=True)) == [first.pk]
    # The browser sees its request; another browser with the same form data would not.
    assert first.reference in browser.get(response["Location"]).content.decode()
