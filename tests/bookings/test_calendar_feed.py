"""Each Sales user's private calendar feed (.ics subscription) of the upcoming Health Checks."""

import datetime as dt
import hashlib
import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from icalendar import Calendar

from bookings import services
from bookings.models import BookingSettings, CalendarFeed
from bookings.slots import Rules, Slot
from tests.helpers import make_booking

pytestmark = pytest.mark.django_db

ADMIN_PAGE = "/admin/bookings/calendar-feed/"


def call_at(hours_from_now, **fields):
    start = (timezone.now() + dt.timedelta(hours=hours_from_now)).replace(second=0, microsecond=0)
    return make_booking(
        slot_start=start,
        slot_end=start + dt.timedelta(minutes=45),
        hold_until=start + dt.timedelta(minutes=60),
        **fields,
    )


def make_link(client):
    response = client.post(ADMIN_PAGE, {"action": "new"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "shown only this once" in html
    return re.search(r'value="(http://testserver/calendar/[\w-]+\.ics)"', html).group(1)


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_a_sales_user_subscribes_to_the_upcoming_calls(sales_client, client):
    settings_ = BookingSettings.load()
    settings_.default_meeting_link = "https://meet.example.com/default"
    settings_.save()
    soon = call_at(48, company="Compilers Ltd", name="Grace Hopper")
    call_at(72, company="Engines Ltd", name="Ada Lovelace", meeting_link="https://v.example/ada")
    call_at(-2, company="Earlier Today Ltd")  # finished two hours ago: still listed
    call_at(-72, company="Last Week Ltd")
    call_at(96, company="Cancelled Ltd", status="cancelled")
    call_at(120, company="Declined Ltd", status="declined")
    make_booking(company="No Slot Ltd")

    assert "Calendar feed" in sales_client.get("/admin/").content.decode()  # the menu item
    url = make_link(sales_client)
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    # Only the hash is stored.
    feed = CalendarFeed.objects.get()
    assert feed.token_hash == hashlib.sha256(token.encode()).hexdigest() != token
    assert token not in sales_client.get(ADMIN_PAGE).content.decode()

    response = client.get(url)  # a calendar app: no login
    assert response["Cache-Control"] == "private, no-store"
    listed = events(response)
    assert sorted(listed) == [
        "Health Check: Compilers Ltd (Grace Hopper)",
        "Health Check: Earlier Today Ltd (Grace Hopper)",
        "Health Check: Engines Ltd (Ada Lovelace)",
    ]
    event = listed["Health Check: Compilers Ltd (Grace Hopper)"]
    assert event.decoded("DTSTART") == soon.slot_start
    assert event.decoded("DTEND") == soon.slot_end
    assert str(event["UID"]) == f"{soon.reference}.staff@testserver"
    description = str(event["DESCRIPTION"])
    assert "Join the call: https://meet.example.com/default" in description
    assert f"http://testserver/admin/bookings/requests/inspect/{soon.pk}/" in description
    ada = listed["Health Check: Engines Ltd (Ada Lovelace)"]
    assert str(ada["LOCATION"]) == "https://v.example/ada"


def test_a_rescheduled_call_moves_in_the_feed_with_the_same_uid_and_a_new_sequence(
    sales_client, client
):
    booking = call_at(48)
    url = make_link(sales_client)
    (before,) = events(client.get(url)).values()
    new_start = booking.slot_start + dt.timedelta(days=2)
    services.reschedule(
        booking, Slot(new_start, new_start + dt.timedelta(minutes=45)), Rules.current()
    )
    (after,) = events(client.get(url)).values()
    assert str(after["UID"]) == str(before["UID"])
    assert (int(before["SEQUENCE"]), int(after["SEQUENCE"])) == (0, 1)
    assert after.decoded("DTSTART") == new_start


def test_a_revoked_or_replaced_link_is_404_at_once(sales_client, client):
    call_at(48)
    first = make_link(sales_client)
    assert client.get(first).status_code == 200
    assert client.get(first).status_code == 200  # twice: nothing keeps a copy

    second = make_link(sales_client)
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200

    response = sales_client.post(ADMIN_PAGE, {"action": "revoke"}, follow=True)
    assert "its link no longer works" in response.content.decode()
    assert client.get(second).status_code == 404
    assert not CalendarFeed.objects.exists()


@pytest.mark.parametrize(
    "path", ["/calendar/not-a-token.ics", "/calendar/../etc.ics", "/calendar/x%00.ics"]
)
def test_unknown_tokens_are_404_or_400(client, path):
    assert client.get(path).status_code in (400, 404)


def test_the_feed_stops_when_its_user_leaves_sales_or_is_deactivated(sales_client, client):
    url = make_link(sales_client)
    user = CalendarFeed.objects.get().user
    user.groups.clear()
    assert client.get(url).status_code == 404

    user.groups.add(Group.objects.get(name="Sales"))
    user = User.objects.get(pk=user.pk)  # fresh permission cache
    assert client.get(url).status_code == 200
    user.is_active = False
    user.save()
    assert client.get(url).status_code == 404


def test_an_editor_cannot_make_a_feed(client):
    editor = User.objects.create_user("eddie", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert "Calendar feed" not in client.get("/admin/").content.decode()
    assert client.get(ADMIN_PAGE).status_code in (302, 403)
    assert client.post(ADMIN_PAGE, {"action": "new"}).status_code in (302, 403)
    assert not CalendarFeed.objects.exists()


def test_the_feed_is_only_read(sales_client, client):
    url = make_link(sales_client)
    assert client.post(url).status_code == 405
