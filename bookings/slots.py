"""The one slot calculator: weekly windows in UK time -> free slots, stored and compared in UTC.

Every place that offers or validates a slot goes through here (bookings/time_slot.py labels
one).
"""

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from django.utils import timezone

from bookings.time_slot import LONDON, UTC, Slot

# The slot picker shows one week at a time (from the first bookable day), with links to the
# others: the page's size then depends on a week's slots, not on how far ahead bookings go.
WEEK = dt.timedelta(days=7)


def uk_today(now=None):
    return (now or timezone.now()).astimezone(LONDON).date()


def parse_slot_value(value):
    """The UTC start from a form value, or None when it is not one of ours."""
    try:
        start = dt.datetime.strptime(str(value), "%Y-%m-%dT%H:%MZ")
    except ValueError:
        return None
    return start.replace(tzinfo=UTC)


def day_label(day):
    return f"{day:%A} {day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Rules:
    slot_minutes: int
    buffer_minutes: int
    min_notice_working_days: int
    weeks_ahead: int
    windows: tuple  # ((weekday, start_time, end_time), ...), UK time
    blocked: frozenset  # dates

    @property
    def slot(self):
        return dt.timedelta(minutes=self.slot_minutes)

    @property
    def buffer(self):
        return dt.timedelta(minutes=self.buffer_minutes)

    @classmethod
    def current(cls):
        from bookings.models.availability import AvailabilityWindow, BlockedDate, BookingSettings

        settings = BookingSettings.load()
        windows = tuple(AvailabilityWindow.objects.values_list("weekday", "start_time", "end_time"))
        blocked = frozenset(BlockedDate.objects.values_list("date", flat=True))
        return cls(
            slot_minutes=settings.slot_minutes,
            buffer_minutes=settings.buffer_minutes,
            min_notice_working_days=settings.min_notice_working_days,
            weeks_ahead=settings.weeks_ahead,
            windows=windows,
            blocked=blocked,
        )

    def is_working_day(self, day):
        return day.weekday() < 5 and day not in self.blocked

    def first_day(self, today):
        """The earliest day with slots: `min_notice_working_days` working days after today."""
        day, remaining = today, self.min_notice_working_days
        while remaining > 0:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def last_day(self, today):
        return today + dt.timedelta(weeks=self.weeks_ahead)

    def week_count(self, today):
        """How many weeks of the slot picker there are (at least one)."""
        days = (self.last_day(today) - self.first_day(today)).days + 1
        return max(1, -(-days // 7))

    def week_days(self, today, week):
        """(first, last day) of the picker's `week` (1 is the first), within the horizon."""
        first = self.first_day(today) + (week - 1) * WEEK
        return first, min(first + WEEK - dt.timedelta(days=1), self.last_day(today))


def _local(day, time):
    """An aware UK datetime for a wall-clock time, or None if that time does not exist (the
    hour skipped when clocks go forward)."""
    naive = dt.datetime.combine(day, time)
    aware = naive.replace(tzinfo=LONDON)
    if aware.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None) != naive:
        return None
    return aware


def all_slots(rules, now=None, days=None):
    """Every slot the windows offer between the minimum notice and the horizon (or on `days`,
    a (first, last) pair within them), ignoring bookings. Slots step through each window in UK
    wall-clock time (slot + buffer); where windows overlap, a slot that overlaps an earlier
    one is not offered (there is one consultant), so a day holds at most as many slots as fit
    in it end to end."""
    now = now or timezone.now()
    today = uk_today(now)
    day, last = rules.first_day(today), rules.last_day(today)
    if days:
        day, last = max(day, days[0]), min(last, days[1])
    step = rules.slot + rules.buffer
    slots = []
    while day <= last:
        if day not in rules.blocked:
            for weekday, start_time, end_time in rules.windows:
                if weekday != day.weekday():
                    continue
                wall = dt.datetime.combine(day, start_time)
                wall_end = dt.datetime.combine(day, end_time)
                while wall + rules.slot <= wall_end:
                    start = _local(day, wall.time())
                    end = _local(day, (wall + rules.slot).time())
                    if start and end and start > now:
                        slots.append(Slot(start.astimezone(UTC), end.astimezone(UTC)))
                    wall += step
        day += dt.timedelta(days=1)
    return without_overlaps(sorted(set(slots)))


def without_overlaps(slots):
    kept = []
    for slot in slots:
        if not kept or slot.start >= kept[-1].end:
            kept.append(slot)
    return kept


def taken_ranges(start, end, exclude_booking=None):
    """(start, hold_until) of active bookings that overlap [start, end)."""
    from bookings.models.booking import ACTIVE_STATUSES, Booking

    bookings = Booking.objects.filter(
        status__in=ACTIVE_STATUSES,
        slot_start__isnull=False,
        slot_start__lt=end,
        hold_until__gt=start,
    )
    if exclude_booking is not None:
        bookings = bookings.exclude(pk=exclude_booking.pk)
    return list(bookings.values_list("slot_start", "hold_until"))


def is_free(slot, taken, buffer):
    """A slot holds [start, end + buffer); it is free when that overlaps no booking's hold."""
    hold_until = slot.end + buffer
    return not any(start < hold_until and slot.start < held for start, held in taken)


def free_slots(rules=None, now=None, exclude_booking=None, offered=None):
    """The slots of `offered` (all_slots() unless given) that no booking holds."""
    rules = rules or Rules.current()
    slots = all_slots(rules, now) if offered is None else offered
    if not slots:
        return []
    taken = taken_ranges(slots[0].start, slots[-1].end + rules.buffer, exclude_booking)
    return [slot for slot in slots if is_free(slot, taken, rules.buffer)]


@dataclass(frozen=True)
class SlotDay:
    """A day of the slot picker: its free slots, and whether it starts open."""

    day: dt.date
    slots: list
    open: bool

    @property
    def label(self):
        return day_label(self.day)


def group_by_day(slots, chosen=""):
    """The slots by UK day, in order. The day holding the `chosen` slot value starts open;
    with none chosen, the first day does."""
    days = [
        (day, list(day_slots)) for day, day_slots in groupby(sorted(slots), key=lambda s: s.day)
    ]
    open_day = next(
        (day for day, day_slots in days if any(s.value == chosen for s in day_slots)),
        days[0][0] if days else None,
    )
    return [SlotDay(day, day_slots, day == open_day) for day, day_slots in days]
