import datetime as dt
import uuid

import django_tasks.signals  # noqa: F401
import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.utils import timezone

from bookings.forms import started_token
from bookings.models import Booking, HealthCheckPage
from bookings.slots import free_slots

# The django-tasks backport (used by Wagtail) resets its cached backends when TASKS changes
# only once its signals module is imported, which nothing else does while the configured
# backend is Django's own. Import it so tests that switch TASKS switch Wagtail's tasks too.


@pytest.fixture(autouse=True)
def booking_settings(settings):
    """Real minimum fill time is covered by its own test; elsewhere the form was 'rendered' a
    minute ago. Each test starts with an empty rate-limit counter."""
    settings.BOOKINGS_RATE_LIMIT = 1000
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def health_page(db):
    return HealthCheckPage.objects.get(slug="health-check")


def form_data(slot="none", **overrides):
    data = {
        "name": "Ada Lovelace",
        "email": "ada@example.co.uk",
        "company": "Analytical Engines Ltd",
        "phone": "+44 20 7946 0000",
        "role": "Operations director",
        "systems_other": "Sage 50",
        "problem": "Orders from Shopify are typed into Xero by hand.",
        "volume": "lt1000",
        "slot": slot,
        "submission_token": str(uuid.uuid4()),
        "started": started_token(timezone.now() - dt.timedelta(minutes=1)),
        "source_page": "",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def first_free_slot(db):
    slots = free_slots()
    assert slots, "the demo availability should offer slots"
    return slots[0]


_SERIALIZED = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep the serialised base data: after a Playwright test, the main thread's database
    connection is a new object without `_test_serialized_contents`, so later
    serialized_rollback tests would start from an empty database."""
    from django.db import connection

    _SERIALIZED["contents"] = getattr(connection, "_test_serialized_contents", None)


@pytest.fixture
def demo_content(transactional_db):
    """Transactional tests start from Wagtail's base data only (the demo content is loaded
    after the test database is serialised): load it again, as tests/conftest.py's live_demo
    does."""
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    contents = _SERIALIZED.get("contents")
    if contents and not Page.objects.exists():
        connection._test_serialized_contents = contents
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(contents)
    call_command("load_demo_content", verbosity=0)


def make_booking(days_old=0, **fields):
    """A request as a prospect would have sent it, `days_old` days ago."""
    data = {
        "name": "Grace Hopper",
        "email": "grace@example.com",
        "company": "Compilers Ltd",
        "phone": "020 7946 0000",
        "problem": "Connect Shopify and Xero",
        "volume": "lt100",
        "created_at": timezone.now() - dt.timedelta(days=days_old),
    }
    data.update(fields)
    return Booking.objects.create(**data)


@pytest.fixture
def sales_client(client):
    """Logged in as a member of the Sales group."""
    user = User.objects.create_user("sam", password="pw")
    user.groups.add(Group.objects.get(name="Sales"))
    client.force_login(user)
    return client
