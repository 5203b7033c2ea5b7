"""Slot generation: UK windows, stored in UTC, across DST changes, notice, horizon, blocks."""

import datetime as dt

import pytest

from bookings.slots import UTC, Rules, all_slots, free_slots

SUNDAY_NIGHT = ((6, dt.time(0, 0), dt.time(4, 0)),)
TUESDAY_MORNING = ((1, dt.time(10, 0), dt.time(12, 0)),)


def rules(windows, blocked=(), notice=1, weeks=4, slot=45, buffer=15):
    return Rules(
        slot_minutes=slot,
        buffer_minutes=buffer,
        min_notice_working_days=notice,
        weeks_ahead=weeks,
        windows=windows,
        blocked=frozenset(blocked),
    )


def utc(*args):
    return dt.datetime(*args, tzinfo=UTC)


def on(slots, day):
    return [s for s in slots if s.day == day]


def test_clocks_go_forward_last_sunday_of_march():
    slots = on(all_slots(rules(SUNDAY_NIGHT), now=utc(2027, 3, 20, 12)), dt.date(2027, 3, 28))
    # 01:00-02:00 UK time does not exist that night: no slot is offered in it.
    assert [s.label for s in slots] == [
        "Sun 28 Mar 2027, 00:00–00:45 GMT",
        "Sun 28 Mar 2027, 02:00–02:45 BST",
        "Sun 28 Mar 2027, 03:00–03:45 BST",
    ]
    assert [s.start for s in slots] == [
        utc(2027, 3, 28, 0),
        utc(2027, 3, 28, 1),
        utc(2027, 3, 28, 2),
    ]


def test_clocks_go_back_last_sunday_of_october():
    slots = on(all_slots(rules(SUNDAY_NIGHT), now=utc(2027, 10, 23, 12)), dt.date(2027, 10, 31))
    assert [s.label for s in slots] == [
        "Sun 31 Oct 2027, 00:00–00:45 BST",
        "Sun 31 Oct 2027, 01:00–01:45 BST",
        "Sun 31 Oct 2027, 02:00–02:45 GMT",
        "Sun 31 Oct 2027, 03:00–03:45 GMT",
    ]
    starts = [s.start for s in slots]
    assert starts == [
        utc(2027, 10, 30, 23),
        utc(2027, 10, 31, 0),
        utc(2027, 10, 31, 2),
        utc(2027, 10, 31, 3),
    ]
    assert all(
        b.start - a.end >= dt.timedelta(minutes=15) for a, b in zip(slots, slots[1:], strict=False)
    )


def test_same_uk_time_is_a_different_utc_time_either_side_of_the_change():
    slots = all_slots(rules(TUESDAY_MORNING), now=utc(2027, 3, 17, 12))
    before = on(slots, dt.date(2027, 3, 23))[0]
    after = on(slots, dt.date(2027, 3, 30))[0]
    assert before.label == "Tue 23 Mar 2027, 10:00–10:45 GMT"
    assert after.label == "Tue 30 Mar 2027, 10:00–10:45 BST"
    assert before.start == utc(2027, 3, 23, 10)
    assert after.start == utc(2027, 3, 30, 9)


def test_slot_length_and_buffer_cut_the_window():
    slots = on(all_slots(rules(TUESDAY_MORNING), now=utc(2026, 7, 8, 12)), dt.date(2026, 7, 14))
    assert [s.label for s in slots] == [
        "Tue 14 Jul 2026, 10:00–10:45 BST",
        "Tue 14 Jul 2026, 11:00–11:45 BST",
    ]


def test_minimum_notice_is_the_next_working_day():
    weekdays = tuple((d, dt.time(10), dt.time(11)) for d in range(7))
    # Friday afternoon: nothing at the weekend, first slot on Monday.
    slots = all_slots(rules(weekdays), now=utc(2026, 7, 10, 15))
    assert slots[0].day == dt.date(2026, 7, 13)
    # Monday is a bank holiday: first slot on Tuesday.
    slots = all_slots(rules(weekdays, blocked=[dt.date(2026, 7, 13)]), now=utc(2026, 7, 10, 15))
    assert slots[0].day == dt.date(2026, 7, 14)


def test_blocked_dates_have_no_slots_and_the_horizon_is_respected():
    slots = all_slots(
        rules(TUESDAY_MORNING, blocked=[dt.date(2026, 7, 21)]), now=utc(2026, 7, 8, 12)
    )
    days = sorted({s.day for s in slots})
    assert days == [dt.date(2026, 7, 14), dt.date(2026, 7, 28), dt.date(2026, 8, 4)]


@pytest.mark.django_db
def test_booked_slot_and_its_buffer_are_not_offered(first_free_slot):
    from bookings.models import Booking

    Booking.objects.create(
        name="A",
        email="a@example.com",
        company="A",
        problem="p",
        volume="unsure",
        slot_start=first_free_slot.start,
        slot_end=first_free_slot.end,
        hold_until=first_free_slot.end + dt.timedelta(minutes=15),
    )
    assert first_free_slot not in free_slots()
    # A cancelled booking frees it again.
    Booking.objects.update(status="cancelled")
    assert first_free_slot in free_slots()
