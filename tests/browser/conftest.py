"""Browser tests run on the real clock (tests/clock.py): Chromium keeps its own, and would drop
cookies whose expiry came from a frozen one. They take the times the page offers, so they pass
at any time of day."""

import pytest
from playwright.sync_api import expect

# Playwright's expect() waits up to 5 s by default. With three test processes on two cores an
# admin page with the preview panel takes longer than that now and then (about 2 to 3 s each
# when the machine is quiet); a check that passes still ends as soon as it does.
expect.set_options(timeout=15_000)


@pytest.fixture
def console_errors(page):
    """Console errors and uncaught exceptions in the page, CSP violations included (Chromium
    logs a refused inline script or style as a console error)."""
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@pytest.fixture
def quick_forms(settings):
    """The booking form's minimum fill time is for bots; the tests fill it in at robot speed."""
    settings.BOOKINGS_MIN_FILL_SECONDS = 0
