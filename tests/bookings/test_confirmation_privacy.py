"""A booking's confirmation (the prospect's name, e-mail address, reference and call) is shown
only in the browser that sent it: a submission token is in the form's HTML, so anyone who
learns one and posts it from another browser is told only that the request was sent."""

import pytest
from django.test import Client

from bookings.models import Booking
from tests.helpers import form_data

pytestmark = pytest.mark.django_db


def test_a_known_submission_token_from_another_browser_reveals_nothing(client):
    data = form_data(email="ada.private@example.co.uk")
    assert client.post("/health-check/", data).status_code == 303
    booking = Booking.objects.get()

    stranger = Client()
    resent = stranger.post("/health-check/", form_data(submission_token=data["submission_token"]))
    assert resent.status_code == 303
    page = stranger.get(resent["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "already sent" in html and "Check your e-mail" in html
    for secret in (booking.email, booking.name, booking.reference, booking.company):
        assert secret not in html
    # Nor does the stranger's browser hold the booking from now on.
    again = stranger.get("/health-check/booked/").content.decode()
    assert booking.email not in again and booking.reference not in again
    assert Booking.objects.count() == 1


def test_the_browser_that_sent_it_still_sees_its_confirmation_after_a_resubmit(client):
    data = form_data()
    client.post("/health-check/", data)
    resent = client.post("/health-check/", data)
    html = client.get(resent["Location"]).content.decode()
    booking = Booking.objects.get()
    assert booking.reference in html and booking.email in html
    assert "already sent" not in html
