"""Retention and the data subject's rights."""

import datetime as dt
import json

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from bookings.models import Booking, EmailDelivery

pytestmark = pytest.mark.django_db


def make(days_old=0, **fields):
    data = {
        "name": "Grace Hopper",
        "email": "grace@example.com",
        "company": "Compilers Ltd",
        "phone": "020 7946 0000",
        "problem": "Connect Shopify and Xero",
        "volume": "lt100",
        "created_at": timezone.now() - dt.timedelta(days=days_old),
    }
    data.update(fields)
    return Booking.objects.create(**data)


def test_purge_deletes_old_spam_and_anonymises_old_non_clients():
    old_spam = make(31, status="spam")
    new_spam = make(29, status="spam")
    old_lead = make(731, status="declined")
    old_client = make(731, status="completed")
    recent = make(700, status="new")

    call_command("purge_bookings", verbosity=0)
    call_command("purge_bookings", verbosity=0)  # safe to run again

    assert not Booking.objects.filter(pk=old_spam.pk).exists()
    assert Booking.objects.filter(pk=new_spam.pk).exists()
    old_lead.refresh_from_db()
    assert old_lead.email == "" and old_lead.name == "(erased)" and old_lead.phone == ""
    assert old_lead.anonymised_at
    for kept in (old_client, recent):
        kept.refresh_from_db()
        assert kept.email == "grace@example.com"


def test_retention_periods_come_from_settings(settings):
    settings.BOOKINGS_SPAM_RETENTION_DAYS = 7
    spam = make(8, status="spam")
    call_command("purge_bookings", verbosity=0)
    assert not Booking.objects.filter(pk=spam.pk).exists()


@pytest.fixture
def sales_client(client):
    user = User.objects.create_user("sam", password="pw")
    user.groups.add(Group.objects.get(name="Sales"))
    client.force_login(user)
    return client


def test_sales_export_everything_about_one_address(sales_client):
    make(utm={"utm_source": "newsletter"}, staff_notes="Keen")
    make(email="someone.else@example.com", company="Other Ltd")
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
    booking = make()
    EmailDelivery.objects.create(booking=booking, kind="confirmation", state="sent")
    other = make(email="someone.else@example.com")
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
    make()
    call_command("booking_personal_data", "export", "grace@example.com")
    assert json.loads(capsys.readouterr().out)["requests"][0]["name"] == "Grace Hopper"
    with pytest.raises(Exception, match="--yes"):
        call_command("booking_personal_data", "erase", "grace@example.com")
    call_command("booking_personal_data", "erase", "grace@example.com", "--yes")
    assert Booking.objects.get().email == ""


def test_confirmation_page_of_an_erased_request_is_gone(client, rf):
    from bookings import links
    from bookings.privacy import erase

    booking = make()
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
