"""When Health Checks can be booked: slot settings, weekly windows in UK time, blocked days.

The settings are bounded to what a consultancy would offer (calls of 30 minutes or more, up to
12 weeks ahead, between 07:00 and 21:00 UK time), which also bounds the slot picker: at most 28
slots a day, shown a week at a time (bookings/slots.py)."""

import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from bookings.models.fields import WebLinkField


@register_setting(icon="date")
class BookingSettings(BaseGenericSetting):
    """How slots are cut from the weekly windows (one set for the whole site)."""

    slot_minutes = models.PositiveSmallIntegerField(
        "slot length (minutes)",
        default=45,
        validators=[MinValueValidator(30), MaxValueValidator(240)],
    )
    buffer_minutes = models.PositiveSmallIntegerField(
        "buffer between slots (minutes)",
        default=15,
        validators=[MaxValueValidator(120)],
    )
    min_notice_working_days = models.PositiveSmallIntegerField(
        "minimum notice (working days)",
        default=1,
        validators=[MaxValueValidator(20)],
        help_text="1 means the earliest slot is on the next working day.",
    )
    weeks_ahead = models.PositiveSmallIntegerField(
        "how far ahead (weeks)", default=4, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )

    default_meeting_link = WebLinkField(
        "default meeting link",
        max_length=500,
        blank=True,
        help_text="The video call link (https://…) sent with every booking that has none of "
        "its own: in the confirmation, the reminder and the calendar invite.",
    )

    panels = [
        FieldPanel("slot_minutes"),
        FieldPanel("buffer_minutes"),
        FieldPanel("min_notice_working_days"),
        FieldPanel("weeks_ahead"),
        FieldPanel("default_meeting_link"),
    ]

    class Meta:
        verbose_name = "Health Check slot settings"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


EARLIEST, LATEST = dt.time(7, 0), dt.time(21, 0)
WITHIN_DAY = "Windows run between 07:00 and 21:00 UK time."


class AvailabilityWindow(models.Model):
    """A weekly window in UK time (Europe/London), e.g. Tuesday 10:00–16:00."""

    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    start_time = models.TimeField(
        help_text="UK time (Europe/London), from 07:00.",
        validators=[MinValueValidator(EARLIEST, WITHIN_DAY), MaxValueValidator(LATEST, WITHIN_DAY)],
    )
    end_time = models.TimeField(
        help_text="UK time (Europe/London), up to 21:00.",
        validators=[MinValueValidator(EARLIEST, WITHIN_DAY), MaxValueValidator(LATEST, WITHIN_DAY)],
    )

    panels = [FieldPanel("weekday"), FieldPanel("start_time"), FieldPanel("end_time")]

    class Meta:
        ordering = ["weekday", "start_time"]
        verbose_name = "availability window"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")),
                name="bookings_window_ends_after_start",
                violation_error_message="The window must end after it starts.",
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M} UK time"


class BlockedDate(models.Model):
    """A day with no slots: bank holidays, leave."""

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=100, blank=True)

    panels = [FieldPanel("date"), FieldPanel("reason")]

    class Meta:
        ordering = ["date"]
        verbose_name = "blocked date"

    def __str__(self):
        label = self.date.strftime("%a %-d %b %Y")
        return f"{label} ({self.reason})" if self.reason else label
