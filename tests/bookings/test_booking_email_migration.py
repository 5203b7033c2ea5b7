"""The link from an e-mail to its request moved out of the core's outbox into bookings
(apiwise 0006, bookings 0014). A site upgraded with e-mails in its outbox keeps, for each,
the request it is about: staff still see a request's e-mails, a queued confirmation still
goes to its prospect, and rolling the upgrade back puts every link back."""

import pytest
from django.db import connection
from django.utils import timezone

from apiwise import outbox
from apiwise.models import EmailDelivery
from bookings.models import Booking, BookingEmail
from tests.helpers import migrate_to

BEFORE_THE_MOVE = [
    ("apiwise", "0005_page_view_counts"),
    ("bookings", "0013_bounded_slot_settings"),
]


def outbox_columns():
    with connection.cursor() as cursor:
        table = connection.introspection.get_table_description(cursor, "apiwise_emaildelivery")
    return {column.name for column in table}


def old_request(OldBooking, name, email):
    return OldBooking.objects.create(
        name=name,
        email=email,
        company=f"{name} Ltd",
        problem="Orders typed by hand.",
        volume="lt100",
    )


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_upgrading_keeps_the_request_of_every_email(smtp):
    old = migrate_to(BEFORE_THE_MOVE)
    OldBooking = old.get_model("bookings", "Booking")
    OldDelivery = old.get_model("apiwise", "EmailDelivery")
    ada = old_request(OldBooking, "Ada Lovelace", "ada@example.co.uk")
    grace = old_request(OldBooking, "Grace Hopper", "grace@example.com")
    sent = OldDelivery.objects.create(
        booking=ada, kind="confirmation", state="sent", attempts=1, sent_at=timezone.now()
    )
    queued = OldDelivery.objects.create(booking=grace, kind="confirmation")
    reset = OldDelivery.objects.create(
        kind="password_reset", message={"to": ["sam@apiwise.example"], "subject": "Reset"}
    )

    migrate_to()

    assert "booking_id" not in outbox_columns()
    assert [d.pk for d in Booking.objects.get(pk=ada.pk).deliveries.all()] == [sent.pk]
    assert [d.pk for d in Booking.objects.get(pk=grace.pk).deliveries.all()] == [queued.pk]
    assert not BookingEmail.objects.filter(delivery_id=reset.pk).exists()
    assert EmailDelivery.objects.get(pk=sent.pk).get_kind_display() == (
        "Confirmation to the prospect"
    )
    # The confirmation queued before the upgrade goes to its own prospect after it.
    assert outbox.deliver(queued.pk) == "sent"
    assert [message.rcpt_tos for message in smtp.messages] == [["grace@example.com"]]

    # Rolled back, the outbox has its column again, with every link.
    old = migrate_to(BEFORE_THE_MOVE)
    OldDelivery = old.get_model("apiwise", "EmailDelivery")
    links = dict(OldDelivery.objects.values_list("pk", "booking_id"))
    assert links == {sent.pk: ada.pk, queued.pk: grace.pk, reset.pk: None}

    migrate_to()
    assert BookingEmail.objects.count() == 2
