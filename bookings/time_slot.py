"""One slot of time for a Health Check call: its start and end in UTC, and the ways the form,
labels and calendars show it (UK time). Free of models, so a booking can label its own slot."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC


@dataclass(frozen=True, order=True)
class Slot:
    start: dt.datetime  # aware, UTC
    end: dt.datetime  # aware, UTC

    @property
    def local_start(self):
        return self.start.astimezone(LONDON)

    @property
    def local_end(self):
        return self.end.astimezone(LONDON)

    @property
    def value(self):
        """The form value: the UTC start in ISO 8601."""
        return self.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")

    @property
    def html_id(self):
        return "slot-" + self.start.astimezone(UTC).strftime("%Y%m%d-%H%M")

    @property
    def label(self):
        """'Tue 14 Jul 2026, 10:00–10:45 BST'."""
        start, end = self.local_start, self.local_end
        return f"{start:%a} {start.day} {start:%b %Y, %H:%M}–{end:%H:%M} {end.tzname()}"

    @property
    def long_label(self):
        """'Tuesday 8 December 2026, 10:00–10:45', in UK time (say so next to it)."""
        start, end = self.local_start, self.local_end
        return f"{start:%A} {start.day} {start:%B %Y, %H:%M}–{end:%H:%M}"

    @property
    def time_label(self):
        """'10:00–10:45 BST', for a list already grouped by day."""
        start, end = self.local_start, self.local_end
        return f"{start:%H:%M}–{end:%H:%M} {end.tzname()}"

    @property
    def short_time(self):
        """'10:00–10:45', for a picker that says once that times are UK time."""
        return f"{self.local_start:%H:%M}–{self.local_end:%H:%M}"

    @property
    def day(self):
        return self.local_start.date()
