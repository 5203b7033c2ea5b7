"""Bots, floods and hostile input."""

import datetime as dt
import string

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from bookings.abuse import started_token
from bookings.models import Booking
from bookings.slots import free_slots
from tests.helpers import form_data

# It clears a Redis database of its own: one test process at a time (make test runs two).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("redis-databases")]


@pytest.mark.parametrize(
    "overrides",
    [
        {"website": "http://cheap-pills.example"},
        {"started": "NOW"},  # submitted the moment the form was shown
        {"started": ""},
        {"started": "forged-token"},
    ],
    ids=["honeypot", "too-fast", "no-start-time", "forged-start-time"],
)
def test_suspected_bots_see_thank_you_but_are_spam_with_no_slot_or_email(
    client, first_free_slot, settings, overrides, django_capture_on_commit_callbacks
):
    settings.BOOKINGS_MIN_FILL_SECONDS = 5
    if overrides.get("started") == "NOW":
        overrides = {"started": started_token(timezone.now())}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/health-check/", form_data(slot=first_free_slot.value, **overrides))
    assert response.status_code == 303
    assert "Health Check request is in" in client.get(response["Location"]).content.decode()
    booking = Booking.objects.get()
    assert booking.status == "spam"
    assert booking.spam_reason
    assert booking.slot_start is None
    assert first_free_slot in free_slots()
    assert mail.outbox == []


def test_a_person_filling_in_at_normal_speed_is_not_spam(client, settings):
    settings.BOOKINGS_MIN_FILL_SECONDS = 5
    started = started_token(timezone.now() - dt.timedelta(seconds=30))
    client.post("/health-check/", form_data(started=started))
    assert Booking.objects.get().status == "new"


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/2",
        }
    }
    cache.clear()
    yield
    cache.clear()


def test_rate_limit_per_ip_in_redis_gives_a_clear_429(client, settings, redis_cache):
    settings.BOOKINGS_RATE_LIMIT = 3
    for _ in range(3):
        assert client.post("/health-check/", form_data()).status_code == 303
    response = client.post("/health-check/", form_data())
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert response["Retry-After"]
    assert Booking.objects.count() == 3
    # Another visitor is not affected.
    other = client.post("/health-check/", form_data(), REMOTE_ADDR="192.0.2.99")
    assert other.status_code == 303
    # Reading the page is never limited.
    assert client.get("/health-check/").status_code == 200


def test_rate_limit_counts_the_real_client_behind_trusted_proxies(client, settings, redis_cache):
    settings.BOOKINGS_RATE_LIMIT = 1
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    # Two visitors behind the same proxy are counted separately ...
    assert (
        client.post(
            "/health-check/", form_data(), HTTP_X_FORWARDED_FOR="203.0.113.1", **proxy
        ).status_code
        == 303
    )
    assert (
        client.post(
            "/health-check/", form_data(), HTTP_X_FORWARDED_FOR="203.0.113.2", **proxy
        ).status_code
        == 303
    )
    # ... and a spoofed left-most entry does not reset a visitor's count.
    spoofed = client.post(
        "/health-check/",
        form_data(),
        HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.1",
        **proxy,
    )
    assert spoofed.status_code == 429


def test_without_trusted_proxies_forwarded_for_is_ignored(client, settings, redis_cache):
    settings.BOOKINGS_RATE_LIMIT = 1
    settings.TRUSTED_PROXY_COUNT = 0
    assert (
        client.post("/health-check/", form_data(), HTTP_X_FORWARDED_FOR="198.51.100.1").status_code
        == 303
    )
    assert (
        client.post("/health-check/", form_data(), HTTP_X_FORWARDED_FOR="198.51.100.2").status_code
        == 429
    )


HOSTILE = [
    ("name", "x" * 5000, False),
    ("problem", "y" * 2001, False),
    ("email", "a@b", False),
    ("email", "ada@example.com\r\nBcc: victim@example.com", False),
    ("phone", "call me maybe", False),
    ("volume", "a-lot", False),
    ("slot", "2020-01-01T10:00Z", False),
    ("slot", "'; DROP TABLE bookings_booking; --", False),
    ("submission_token", "not-a-uuid", False),
    ("name", "\x00", False),
    ("name", "Zoë Ørsted-Nakamura 😀 ناصر", True),
    ("company", "<script>alert(1)</script>", True),
    ("problem", "'; DROP TABLE bookings_booking; --", True),
    ("problem", '=HYPERLINK("http://evil.example")', True),
    ("systems_other", "<img src=x onerror=alert(1)>", True),
    ("role", "\u202eevil\u200b", True),
]


@pytest.mark.parametrize("field,value,accepted", HOSTILE)
def test_hostile_values_are_rejected_or_stored_as_text_and_shown_escaped(
    client, field, value, accepted
):
    response = client.post("/health-check/", form_data(**{field: value}))
    if not accepted:
        assert response.status_code == 200
        assert 'class="error-summary"' in response.content.decode()
        assert Booking.objects.count() == 0
        return
    assert response.status_code == 303
    booking = Booking.objects.get()
    stored = getattr(booking, field)
    assert "\u202e" not in stored and "\x00" not in stored
    html = client.get(response["Location"]).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    if "<" in value:
        assert "&lt;" in html


def test_missing_everything_is_a_200_with_messages(client):
    response = client.post("/health-check/", {})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert Booking.objects.count() == 0


TEXT_FIELDS = ["name", "company", "phone", "role", "systems_other", "problem", "email", "slot"]


@hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    field=st.sampled_from(TEXT_FIELDS),
    value=st.one_of(
        st.text(max_size=300),
        st.text(alphabet=string.printable, max_size=3000),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=50),
    ),
)
def test_any_input_gives_a_page_never_a_500_and_never_a_partial_booking(client, field, value):
    before = Booking.objects.count()
    response = client.post("/health-check/", form_data(**{field: value}))
    assert response.status_code in (200, 303)
    if response.status_code == 200:
        assert Booking.objects.count() == before
    else:
        booking = Booking.objects.order_by("-pk").first()
        assert booking.name and booking.email and booking.company and booking.problem


def test_hidden_attribution_fields_are_cleaned_like_the_visible_ones(client, first_free_slot):
    response = client.post(
        "/health-check/",
        form_data(
            utm_source="news\x01letter",
            utm_campaign="spring\u200b sale\x7f",
            source_page="/guides/x\x02y/",
        ),
    )
    assert response.status_code == 303
    booking = Booking.objects.get()
    assert booking.utm == {"utm_source": "newsletter", "utm_campaign": "spring sale"}
    assert booking.source_page == "/guides/xy/"
