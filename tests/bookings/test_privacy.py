"""Retention and the data subject's rights."""

import json

import pytest
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from bookings.models import Booking
from tests.helpers import make_booking

pytestmark = pytest.mark.django_db


def test_purge_deletes_old_spam_and_anonymises_old_non_clients():
    old_spam = make_booking(31, status="spam")
    new_spam = make_booking(29, status="spam")
    old_lead = make_booking(731, status="declined")
    old_client = make_booking(731, status="completed")
    recent = make_booking(700, status="new")
    signed_before_the_call = make_booking(731, status="scheduled", became_client=True)

    call_command("purge_bookings", verbosity=0)
    call_command("purge_bookings", verbosity=0)  # safe to run again

    assert not Booking.objects.filter(pk=old_spam.pk).exists()
    assert Booking.objects.filter(pk=new_spam.pk).exists()
    old_lead.refresh_from_db()
    assert old_lead.email == "" and old_lead.name == "(erased)" and old_lead.phone == ""
    assert old_lead.anonymised_at
    for kept in (old_client, recent, signed_before_the_call):
        kept.refresh_from_db()
        assert kept.email == "grace@example.com"


def test_retention_periods_come_from_settings(settings):
    settings.BOOKINGS_SPAM_RETENTION_DAYS = 7
    spam = make_booking(8, status="spam")
    call_command("purge_bookings", verbosity=0)
    assert not Booking.objects.filter(pk=spam.pk).exists()


def test_sales_export_everything_about_one_address(sales_client):
    make_booking(utm={"utm_source": "newsletter"}, staff_notes="Keen")
    make_booking(email="someone.else@example.com", company="Other Ltd")
    response = sales_client.post(
        "/admin/bookings/privacy/", {"email": "GRACE@example.com", "action": "export"}
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert len(data["requests"]) == 1
    record = data["requests"][0]
    assert record["company"] == "Compilers Ltd"
    assert record["utm"] == {"utm_source": "newsletter"}
    assert record["staff_notes"] == "Keen"
    assert "Other Ltd" not in response.content.decode()


def test_sales_erase_one_address_and_the_log_holds_no_personal_data(sales_client):
    booking = make_booking()
    booking.deliveries.create(kind="confirmation", state="sent")
    other = make_booking(email="someone.else@example.com")
    # The erasure must be confirmed.
    response = sales_client.post(
        "/admin/bookings/privacy/", {"email": "grace@example.com", "action": "erase"}
    )
    assert response.status_code == 200
    assert Booking.objects.get(pk=booking.pk).email == "grace@example.com"

    response = sales_client.post(
        "/admin/bookings/privacy/",
        {"email": "grace@example.com", "action": "erase", "confirm": "on"},
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.email == "" and booking.name == "(erased)" and booking.company == "(erased)"
    assert not booking.deliveries.exists()
    assert Booking.objects.get(pk=other.pk).name == "Grace Hopper"

    entry = ModelLogEntry.objects.get(action="bookings.erase")
    assert entry.user.username == "sam"
    logged = json.dumps(entry.data) + entry.label
    for personal in ("grace", "Grace", "Compilers", "7946"):
        assert personal not in logged


def test_erasure_command_needs_confirmation_and_export_command_prints_json(capsys):
    make_booking()
    call_command("booking_personal_data", "export", "grace@example.com")
    assert json.loads(capsys.readouterr().out)["requests"][0]["name"] == "Grace Hopper"
    with pytest.raises(Exception, match="--yes"):
        call_command("booking_personal_data", "erase", "grace@example.com")
    call_command("booking_personal_data", "erase", "grace@example.com", "--yes")
    assert Booking.objects.get().email == ""


def test_confirmation_page_of_an_erased_request_is_gone(client, rf):
    from bookings import links
    from bookings.privacy import erase

    booking = make_booking()
    # The browser that sent the request, as the booking view leaves it.
    session = client.session
    request = rf.get("/")
    request.session = session
    links.remember_for_confirmation(request, booking)
    session.save()
    assert "grace@example.com" in client.get("/health-check/booked/").content.decode()
    erase("grace@example.com")
    html = client.get("/health-check/booked/").content.decode()
    assert "grace@example.com" not in html
    assert booking.reference not in html
