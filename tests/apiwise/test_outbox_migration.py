"""The e-mail outbox moved from bookings to the core (apiwise 0003, bookings 0012). A site
upgraded with e-mails in its outbox keeps every one of them: a booking's confirmation still
belongs to the booking, a queued password reset still goes out, the morning digest still
points at its e-mail, and staff keep their permissions on the outbox."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from apiwise import outbox
from apiwise.models import EmailDelivery
from bookings.models import Booking, StaffDigest
from tests.helpers import migrate_to

BEFORE_THE_MOVE = [
    ("apiwise", "0002_company_details_icons_and_menu_button"),
    ("bookings", "0011_staff_digest"),
]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_upgrading_keeps_every_email_of_the_outbox(smtp):
    old = migrate_to(BEFORE_THE_MOVE)
    OldBooking = old.get_model("bookings", "Booking")
    OldDelivery = old.get_model("bookings", "EmailDelivery")
    OldDigest = old.get_model("bookings", "StaffDigest")
    OldContentType = old.get_model("contenttypes", "ContentType")
    OldPermission = old.get_model("auth", "Permission")
    OldGroup = old.get_model("auth", "Group")

    booking = OldBooking.objects.create(
        name="Ada Lovelace",
        email="ada@example.co.uk",
        company="Analytical Engines Ltd",
        problem="Orders typed into Xero by hand.",
        volume="lt1000",
    )
    confirmation = OldDelivery.objects.create(
        booking=booking, kind="confirmation", state="sent", attempts=1, sent_at=timezone.now()
    )
    reset = OldDelivery.objects.create(
        kind="password_reset",
        message={"to": ["sam@apiwise.example"], "subject": "Reset", "body": "Your link"},
    )
    digest = OldDigest.objects.create(date=dt.date(2026, 12, 1), delivery=confirmation)
    outbox_type = OldContentType.objects.get_or_create(app_label="bookings", model="emaildelivery")
    view = OldPermission.objects.get_or_create(
        content_type=outbox_type[0], codename="view_emaildelivery", defaults={"name": "Can view"}
    )[0]
    sales = OldGroup.objects.create(name="Outbox readers")
    sales.permissions.add(view)

    migrate_to()

    moved = EmailDelivery.objects.get(pk=confirmation.pk)
    assert (moved.kind, moved.state, moved.attempts) == ("confirmation", "sent", 1)
    # Which request it is about: kept by bookings since bookings 0013 (see test there).
    assert moved.booking_email.booking == Booking.objects.get(pk=booking.pk)
    assert list(Booking.objects.get(pk=booking.pk).deliveries.all()) == [moved]
    assert StaffDigest.objects.get(pk=digest.pk).delivery == moved
    # The permission followed the model: staff who could read the outbox still can.
    assert ContentType.objects.get_for_model(EmailDelivery).pk == outbox_type[0].pk
    assert Group.objects.get(name="Outbox readers").permissions.get() == Permission.objects.get(
        content_type__app_label="apiwise", codename="view_emaildelivery"
    )
    # A reset queued before the upgrade is still sent after it; new rows number on.
    assert outbox.deliver(reset.pk) == "sent"
    assert [message.rcpt_tos for message in smtp.messages] == [["sam@apiwise.example"]]
    assert EmailDelivery.objects.create(kind="digest").pk > reset.pk
