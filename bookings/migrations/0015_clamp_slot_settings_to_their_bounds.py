"""Settings saved before 0013 bounded them (15-minute slots, 26 weeks ahead, windows from
midnight) would keep offering what the validators now refuse, and the Health Check page would
grow with them. Bring every stored value inside the bounds; a window left empty goes."""

import datetime

from django.db import migrations

EARLIEST, LATEST = datetime.time(7, 0), datetime.time(21, 0)


def clamp(apps, schema_editor):
    BookingSettings = apps.get_model("bookings", "BookingSettings")
    AvailabilityWindow = apps.get_model("bookings", "AvailabilityWindow")
    for settings in BookingSettings.objects.all():
        settings.slot_minutes = min(max(settings.slot_minutes, 30), 240)
        settings.weeks_ahead = min(max(settings.weeks_ahead, 1), 12)
        settings.save(update_fields=["slot_minutes", "weeks_ahead"])
    for window in AvailabilityWindow.objects.all():
        start = min(max(window.start_time, EARLIEST), LATEST)
        end = min(max(window.end_time, EARLIEST), LATEST)
        if start >= end:
            window.delete()
        elif (start, end) != (window.start_time, window.end_time):
            window.start_time, window.end_time = start, end
            window.save(update_fields=["start_time", "end_time"])


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0014_booking_emails"),
    ]

    operations = [
        migrations.RunPython(clamp, migrations.RunPython.noop),
    ]
