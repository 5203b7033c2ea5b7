import pytest
from django.db import connection


@pytest.fixture(scope="session", autouse=True)
def serialized_test_database(django_db_setup):
    """The test database as pytest-django serialised it, taken before Playwright starts.

    Playwright's sync API runs an event loop, and inside it Django hands out a different
    connection object, one without `_test_serialized_contents`: serialized_rollback then
    restores nothing and a transactional test after the first finds an empty database (no
    Wagtail root page). tests/conftest.py is the better home for this fix.
    """
    return getattr(connection, "_test_serialized_contents", None)


@pytest.fixture(autouse=True)
def keep_serialized_contents(serialized_test_database):
    """Hand the serialised database to the connection the tests really use, so that Django's
    serialized_rollback works again: flush without re-creating content types at the end of a
    test, then restore the database at the start of the next."""
    if serialized_test_database and not hasattr(connection, "_test_serialized_contents"):
        connection._test_serialized_contents = serialized_test_database


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
