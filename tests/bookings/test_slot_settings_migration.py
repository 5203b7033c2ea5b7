"""Slot settings saved before the validators bounded them are brought inside the bounds by the
upgrade, so no stored setting can blow the Health Check page up."""

import datetime as dt

import pytest

from bookings.models import AvailabilityWindow, BookingSettings
from tests.helpers import migrate_to

BEFORE_THE_CLAMP = [("bookings", "0014_booking_emails")]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_upgrading_brings_the_largest_old_settings_inside_the_bounds():
    old = migrate_to(BEFORE_THE_CLAMP)
    OldSettings = old.get_model("bookings", "BookingSettings")
    OldWindow = old.get_model("bookings", "AvailabilityWindow")
    # What the old validators let staff save: 15-minute slots half a year ahead, all day.
    OldSettings.objects.update(slot_minutes=15, weeks_ahead=26)
    OldWindow.objects.all().delete()
    OldWindow.objects.create(weekday=0, start_time=dt.time(0, 0), end_time=dt.time(23, 59))
    OldWindow.objects.create(weekday=1, start_time=dt.time(9, 0), end_time=dt.time(17, 0))
    OldWindow.objects.create(weekday=2, start_time=dt.time(22, 0), end_time=dt.time(23, 0))

    migrate_to()

    settings = BookingSettings.load()
    assert (settings.slot_minutes, settings.weeks_ahead) == (30, 12)
    settings.full_clean()  # every value passes today's validators
    windows = {(w.weekday, w.start_time, w.end_time) for w in AvailabilityWindow.objects.all()}
    assert windows == {
        (0, dt.time(7, 0), dt.time(21, 0)),  # all day: now the longest window allowed
        (1, dt.time(9, 0), dt.time(17, 0)),  # inside the bounds: unchanged
    }  # 22:00-23:00 lies wholly outside them: gone
