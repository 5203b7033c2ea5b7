# The django-tasks backport (used by Wagtail) resets its cached backends when TASKS changes
# only once its signals module is imported, which nothing else does while the configured
# backend is Django's own. Import it so tests that switch TASKS switch Wagtail's tasks too.
import django_tasks.signals  # noqa: F401
import pytest
from django.contrib.auth.models import Group, User

from bookings.models import HealthCheckPage
from bookings.slots import free_slots
from tests.helpers import log_in_with_second_factor


@pytest.fixture(autouse=True)
def booking_settings(settings):
    """The rate limit has tests of its own; elsewhere a test may post as often as it needs.
    (The cache, and so every counter, starts empty: see tests/conftest.py.)"""
    settings.BOOKINGS_RATE_LIMIT = 1000
    return settings


@pytest.fixture
def health_page(db):
    return HealthCheckPage.objects.get(slug="health-check")


@pytest.fixture
def first_free_slot(db):
    slots = free_slots()
    assert slots, "the demo availability should offer slots"
    return slots[0]


@pytest.fixture
def sales_client(client):
    """Logged in as a member of the Sales group."""
    user = User.objects.create_user("sam", password="pw")
    user.groups.add(Group.objects.get(name="Sales"))
    log_in_with_second_factor(client, user)
    return client


@pytest.fixture
def webhook_receiver(settings):
    """A CRM's webhook receiver on loopback (allowed for tests), with short timeouts."""
    from tests.servers import WebhookReceiver

    settings.BOOKINGS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    settings.BOOKINGS_WEBHOOK_CONNECT_TIMEOUT = 1
    settings.BOOKINGS_WEBHOOK_READ_TIMEOUT = 1
    settings.BOOKINGS_WEBHOOK_RETRY_DELAYS = [30, 120, 600]
    receiver = WebhookReceiver().start()
    yield receiver
    receiver.stop()
