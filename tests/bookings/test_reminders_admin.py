"""What staff see of reminders on a request, and what their status changes do to them."""

import datetime as dt

import pytest
from django.utils import timezone

from bookings import services
from bookings.slots import Rules, Slot

pytestmark = pytest.mark.django_db


def edit_status(client, booking, status):
    return client.post(
        f"/admin/bookings/requests/edit/{booking.pk}/",
        {"status": status, "meeting_link": "", "staff_notes": ""},
    )


def test_declining_a_request_skips_its_reminder_and_reviving_it_queues_one(sales_client):
    start = (timezone.now() + dt.timedelta(weeks=3)).replace(second=0, microsecond=0)
    booking = services.create_booking(
        {
            "name": "Grace Hopper",
            "email": "grace@example.com",
            "company": "Compilers Ltd",
            "problem": "Connect Shopify and Xero",
            "volume": "lt100",
        },
        slot=Slot(start, start + dt.timedelta(minutes=45)),
        rules=Rules.current(),
    )
    inspect = f"/admin/bookings/requests/inspect/{booking.pk}/"
    due = timezone.localtime(start - dt.timedelta(hours=24))
    html = sales_client.get(inspect).content.decode()
    assert "Reminder to the prospect, 24 hours before" in html
    assert f"Queued (due {due:%-d %b %Y %H:%M})" in html

    assert edit_status(sales_client, booking, "declined").status_code == 302
    html = sales_client.get(inspect).content.decode()
    assert "Not sent: the call was cancelled or moved" in html
    assert "Queued (due" not in html

    assert edit_status(sales_client, booking, "new").status_code == 302
    states = list(booking.deliveries.filter(kind="reminder").values_list("state", flat=True))
    assert states == ["skipped", "queued"]
