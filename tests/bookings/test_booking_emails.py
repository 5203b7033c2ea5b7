"""A request's e-mails live in the core's outbox, linked to the request by bookings
(BookingEmail): they go when the request goes, and only they do."""

import pytest
from django.core.management import call_command

from apiwise import outbox
from apiwise.models import EmailDelivery
from bookings.models import Booking, BookingEmail
from tests.helpers import make_booking

pytestmark = pytest.mark.django_db


def test_purging_old_spam_deletes_its_emails_but_no_others():
    spam = make_booking(31, status="spam")
    spam.deliveries.create(kind="staff", state="sent")
    lead = make_booking(1, email="ada@example.co.uk")
    kept = lead.deliveries.create(kind="confirmation", state="sent")
    reset = EmailDelivery.objects.create(kind="password_reset", state="sent")

    call_command("purge_bookings", verbosity=0)

    assert not Booking.objects.filter(pk=spam.pk).exists()
    assert set(EmailDelivery.objects.values_list("pk", flat=True)) == {kept.pk, reset.pk}
    assert list(BookingEmail.objects.values_list("booking", flat=True)) == [lead.pk]


def test_an_email_of_an_unregistered_kind_is_refused_when_queued():
    with pytest.raises(ValueError, match="Unknown e-mail kind 'newsletter'"):
        outbox.queue_message("newsletter", to=["ada@example.co.uk"], subject="Hi", body="Hi")
    assert not EmailDelivery.objects.exists()
