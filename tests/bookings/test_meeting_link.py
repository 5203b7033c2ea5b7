"""The meeting link: set per request by staff, or as the default in the slot settings; web
addresses only."""

import pytest

from bookings.models import Booking, BookingSettings
from tests.helpers import make_booking

pytestmark = pytest.mark.django_db


def edit(client, booking, link):
    return client.post(
        f"/admin/bookings/requests/edit/{booking.pk}/",
        {"status": booking.status, "meeting_link": link, "staff_notes": ""},
    )


@pytest.mark.parametrize("link", ["ftp://files.example.com/call", "javascript:alert(1)"])
def test_staff_cannot_set_a_meeting_link_that_is_not_a_web_address(sales_client, link):
    booking = make_booking()
    response = edit(sales_client, booking, link)
    assert response.status_code == 200
    assert "Enter an http:// or https:// link." in response.content.decode()
    assert Booking.objects.get(pk=booking.pk).meeting_link == ""


def test_staff_set_a_meeting_link_and_it_replaces_the_default(sales_client):
    settings_ = BookingSettings.load()
    settings_.default_meeting_link = "https://meet.example.com/default"
    settings_.save()
    booking = make_booking()
    assert booking.meeting_url() == "https://meet.example.com/default"

    response = edit(sales_client, booking, "https://video.example.org/room/grace")
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.meeting_url() == "https://video.example.org/room/grace"
    inspect = sales_client.get(f"/admin/bookings/requests/inspect/{booking.pk}/")
    assert "https://video.example.org/room/grace" in inspect.content.decode()


def test_the_default_meeting_link_must_be_a_web_address_too(admin_client):
    settings_ = BookingSettings.load()
    url = f"/admin/settings/bookings/bookingsettings/{settings_.pk}/"
    data = {
        "slot_minutes": settings_.slot_minutes,
        "buffer_minutes": settings_.buffer_minutes,
        "min_notice_working_days": settings_.min_notice_working_days,
        "weeks_ahead": settings_.weeks_ahead,
        "default_meeting_link": "ftp://files.example.com/call",
    }
    response = admin_client.post(url, data)
    assert "Enter an http:// or https:// link." in response.content.decode()
    assert BookingSettings.load().default_meeting_link == ""
