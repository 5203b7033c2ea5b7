"""Slots that no setting can blow up (issue 20, part 4): the settings are bounded to what a
consultancy offers, and the Health Check page shows one week of slots at a time, with plain
links to the others, so that at the largest settings allowed it stays small and its queries
few; a slot in a later week can still be booked."""

import datetime as dt
import re
from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from bookings.models import AvailabilityWindow, Booking, BookingSettings
from bookings.slots import Rules, all_slots, uk_today
from tests.helpers import form_data

pytestmark = pytest.mark.django_db

PAGE = "/health-check/"
SLOT_VALUE = re.compile(r'name="slot" id="slot-[0-9-]+" value="([^"]+)"')
LATER = re.compile(r'href="(/health-check/\?week=(\d+))#slot-fieldset">Later times')


@pytest.fixture
def largest_settings(db):
    """Every setting at the most the validators allow: 30-minute slots back to back, no
    notice, 12 weeks ahead, 07:00 to 21:00 every day, plus overlapping windows (staff can add
    as many as they like)."""
    settings = BookingSettings.load()
    settings.slot_minutes, settings.buffer_minutes = 30, 0
    settings.min_notice_working_days, settings.weeks_ahead = 0, 12
    settings.full_clean()
    settings.save()
    AvailabilityWindow.objects.all().delete()
    windows = [
        AvailabilityWindow(weekday=day, start_time=dt.time(7, minute), end_time=dt.time(21))
        for day in range(7)
        for minute in (0, 10, 20)
    ]
    for window in windows:
        window.full_clean()
    AvailabilityWindow.objects.bulk_create(windows)
    return settings


def offered(html):
    return SLOT_VALUE.findall(html)


# Before the first time of the day: the week is whole, and the page as large as it gets.
@pytest.mark.clock("2026-11-30 06:00")
def test_the_page_at_the_largest_settings_is_small_and_its_queries_few(
    client, largest_settings, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30):
        response = client.get(PAGE)
    html = response.content.decode()
    assert response.status_code == 200
    assert len(response.content) < 100 * 1024, f"{len(response.content):,} bytes"
    # A week of days, each with as many half hours as fit between 07:00 and 21:00.
    days = Counter(value[:10] for value in offered(html))
    assert len(days) == 7 and set(days.values()) == {28}
    assert "Week 1 of 13" in html and "Later times" in html and "Earlier times" not in html


def test_every_later_week_is_reachable_by_its_link_and_nothing_beyond(client, largest_settings):
    url, seen, weeks = PAGE, set(), 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        weeks += 1
        values = offered(html)
        assert values and not seen & set(values), "each week shows times of its own"
        seen |= set(values)
        later = LATER.search(html)
        url = later.group(1) if later else None
    assert weeks == 13  # 12 weeks from today, shown from today: 85 days
    last_day = uk_today() + dt.timedelta(weeks=12)
    assert max(seen) >= f"{last_day:%Y-%m-%d}T"


@pytest.mark.parametrize("week", ["0", "14", "99", "abc", "1.5", "-1", "１", "2 ", "001"])
def test_a_week_that_is_not_offered_is_not_found(client, largest_settings, week):
    assert client.get(PAGE, {"week": week}).status_code == 404


def test_a_slot_in_the_third_week_can_be_booked(client, largest_settings):
    page = client.get(PAGE, {"week": "3"}).content.decode()
    slot = offered(page)[5]
    first_week = offered(client.get(PAGE).content.decode())
    assert slot not in first_week
    response = client.post(f"{PAGE}?week=3", form_data(slot=slot))
    assert response.status_code == 303, response.content.decode()[-2000:]
    booking = Booking.objects.get()
    assert booking.slot_start.strftime("%Y-%m-%dT%H:%MZ") == slot
    # Taken now: the third week no longer offers it.
    assert slot not in offered(client.get(PAGE, {"week": "3"}).content.decode())


def test_an_error_shows_the_week_of_the_chosen_slot_with_it_still_chosen(client, largest_settings):
    slot = offered(client.get(PAGE, {"week": "5"}).content.decode())[0]
    response = client.post(PAGE, form_data(slot=slot, email="not an address"))
    html = response.content.decode()
    assert response.status_code == 200 and "Week 5 of 13" in html
    assert f'value="{slot}" data-choice' in html and " checked" in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("slot_minutes", 15, "greater than or equal to 30"),
        ("weeks_ahead", 13, "less than or equal to 12"),
    ],
)
def test_settings_beyond_what_a_consultancy_offers_are_refused(db, field, value, message):
    settings = BookingSettings.load()
    setattr(settings, field, value)
    with pytest.raises(ValidationError, match=message):
        settings.full_clean()


@pytest.mark.parametrize(
    ("start", "end"), [(dt.time(6, 30), dt.time(9)), (dt.time(20), dt.time(22))]
)
def test_windows_run_between_seven_and_nine(db, start, end):
    window = AvailabilityWindow(weekday=0, start_time=start, end_time=end)
    with pytest.raises(ValidationError, match="between 07:00 and 21:00 UK time"):
        window.full_clean()


def test_overlapping_windows_never_offer_overlapping_slots():
    windows = tuple((1, dt.time(10, minute), dt.time(12)) for minute in (0, 15, 40))
    rules = Rules(30, 0, 0, 1, windows, frozenset())
    slots = all_slots(rules, now=dt.datetime(2027, 1, 4, 8, tzinfo=dt.UTC))  # a Monday
    tuesday = [s.short_time for s in slots if s.day == dt.date(2027, 1, 5)]
    # 10:00, 10:15 and 10:40 windows: the 10:00 one's slots, the others' overlap them.
    assert tuesday == ["10:00–10:30", "10:30–11:00", "11:00–11:30", "11:30–12:00"]
