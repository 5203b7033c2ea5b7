"""The clock in tests: every test runs at a stated instant, never at whatever time it happens
to be when the suite runs.

- By default a test starts at DEFAULT_INSTANT (a plain weekday afternoon, UK time), and the
  clock ticks on from there (so timeouts and `time.sleep` still work).
- `@pytest.mark.clock("2026-12-06 20:40")` starts a test at another instant, UK time unless
  `tz=` names another zone (or the text carries its own UTC offset). As a mark on a
  `pytest.param` it gives each case of a parametrised test its own instant.
- The `clock` fixture moves time on within a test: `clock.move_to("2026-12-08 07:59")`,
  `clock.shift(dt.timedelta(hours=1))`.
- The demo content loaded once per session is loaded at DEFAULT_INSTANT too (`frozen_at`).

time-machine moves the clock of this Python process only (every thread, so live_server
threads follow it too). What it cannot move runs on the real clock, and those tests must not
depend on the time of day (see runs_on_real_clock):
- browser tests: Chromium keeps its own clock, and cookies whose expiry was computed from a
  clock far from the real one would be dropped by the browser;
- system tests and the `production_worker` fixture: gunicorn and the task worker are other
  processes, which would see e-mails and tasks due at a frozen instant as far in the past or
  future;
- PostgreSQL's now(), which the site does not use (every time comes from Python).
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

UK = "Europe/London"

# Monday 30 November 2026, 14:00 GMT: an ordinary working afternoon. The first slot the demo
# availability (Tuesday to Thursday, 10:00-16:00, one working day's notice) offers is the next
# morning, Tuesday 1 December 10:00, less than 24 hours away, so a booking for it gets no
# reminder. It lies in the past of every real run, so the rows a test writes are never "in
# the future" for a process on the real clock.
DEFAULT_INSTANT = dt.datetime(2026, 11, 30, 14, 0, tzinfo=ZoneInfo(UK))

REAL_CLOCK_MARKERS = ("browser", "system", "real_clock")
REAL_CLOCK_FIXTURES = ("production_worker",)


def instant(when, tz=UK):
    """An aware datetime for `when`: an aware datetime as it is, or a naive datetime or ISO
    text ("2026-12-06 20:40") read as wall-clock time in `tz`. A wall-clock time the clocks
    skip, or pass twice, is refused: say which one with a UTC offset."""
    if isinstance(when, str):
        when = dt.datetime.fromisoformat(when)
    if when.tzinfo is not None:
        return when
    zone = ZoneInfo(tz)
    first, second = when.replace(tzinfo=zone), when.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        raise ValueError(f"{when} happens twice in {tz} (the clocks go back): give its offset")
    if first.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) != when:
        raise ValueError(f"{when} does not exist in {tz} (the clocks go forward)")
    return first


class Clock:
    """The test's clock: where it stands, and a way to move it."""

    def __init__(self, traveller, start):
        self._traveller = traveller
        self.start = start

    def move_to(self, when, tz=UK):
        # A timestamp, not the datetime: given a zone, time-machine would also set the TZ
        # variable, which the worker processes some tests start would inherit.
        self._traveller.move_to(instant(when, tz).timestamp())

    def shift(self, delta):
        self._traveller.shift(delta)


def frozen_at(when, tz=UK):
    """A context manager: the clock starts at `when` and ticks on. Yields the traveller."""
    return time_machine.travel(instant(when, tz).timestamp(), tick=True)


def runs_on_real_clock(item):
    if any(item.get_closest_marker(name) for name in REAL_CLOCK_MARKERS):
        return True
    return bool(set(REAL_CLOCK_FIXTURES) & set(getattr(item, "fixturenames", ())))


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "clock(when, tz='Europe/London'): run the test from that instant (tests/clock.py)",
    )
    config.addinivalue_line(
        "markers",
        "real_clock(reason): the test runs on the real clock and must not depend on the time "
        "of day (tests/clock.py)",
    )


@pytest.fixture(autouse=True)
def clock(request):
    """Every test runs from DEFAULT_INSTANT, or the instant of its `clock` mark; tests that
    involve another process's clock run on the real one (None)."""
    if runs_on_real_clock(request.node):
        yield None
        return
    marker = request.node.get_closest_marker("clock")
    start = instant(*marker.args, **marker.kwargs) if marker else DEFAULT_INSTANT
    with frozen_at(start) as traveller:
        yield Clock(traveller, start)
