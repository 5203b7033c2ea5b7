"""No double booking, enforced by PostgreSQL, including under concurrent requests."""

import datetime as dt
import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client

from bookings.models import Booking
from bookings.slots import free_slots
from tests.bookings.conftest import form_data

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
