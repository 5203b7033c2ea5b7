"""A stranger's query strings cost nothing: the page cache keeps one copy per value of the
parameters a page reads (page, topic, q), and serves every other address (utm_*, gclid, a
random ?x=) the normal page from it. Measured in a real Redis database."""

import os
import re
import secrets
from urllib.parse import urlencode

import pytest
import redis
from django.core.cache import cache

from bookings.models import Booking
from tests.helpers import ARTICLE_URL, form_data

# It clears a Redis database of its own: one test process at a time (make test runs two).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("redis-databases")]

TRACKING = ["utm_source", "utm_medium", "utm_campaign", "gclid", "fbclid", "mc_cid", "mc_eid"]


@pytest.fixture
def redis_db(settings):
    """The page cache in this run's own Redis database (REDIS_URL), emptied before and after."""
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/8")
    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis is not answering at {url}")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    }
    cache.clear()
    yield client
    cache.clear()


def random_query():
    """What a bot or a mailing tool adds: tracking parameters and junk, in any order."""
    params = {secrets.choice(TRACKING): secrets.token_hex(8), f"x{secrets.token_hex(3)}": "1"}
    if secrets.randbelow(2):
        params["gclid"] = secrets.token_urlsafe(12)
    return urlencode(params)


def canonical(html):
    return re.search(r'<link rel="canonical" href="([^"]*)"', html).group(1)


def test_two_thousand_random_query_strings_add_a_handful_of_entries_and_serve_the_guide(
    client, redis_db
):
    normal = client.get(ARTICLE_URL)
    assert normal.status_code == 200
    entries_before = redis_db.dbsize()

    for _ in range(2000):
        response = client.get(f"{ARTICLE_URL}?{random_query()}")
        assert response.status_code == 200
        assert response.content == normal.content

    # The guide's copy and the note of which parameters it reads: nothing per address.
    assert redis_db.dbsize() - entries_before <= 3
    assert canonical(normal.content.decode()).endswith(ARTICLE_URL)


def test_the_guide_index_keeps_a_copy_per_topic_and_page_and_ignores_the_rest(client, redis_db):
    first = client.get("/guides/?topic=xero")
    assert first.status_code == 200
    again = client.get("/guides/?utm_source=mail&topic=xero&x=1")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    # The page links carry only what the page reads: never a stranger's parameters.
    assert "x=1" not in again.content.decode() and "utm_source" not in again.content.decode()

    everything = client.get("/guides/?x=2")
    assert everything.content != first.content  # another topic is another page
    assert client.get("/guides/?page=2&x=3").content != everything.content


def test_a_search_is_cached_per_query_whatever_else_the_address_says(client, redis_db):
    first = client.get("/search/?q=xero&fbclid=abc")
    assert first.status_code == 200
    again = client.get("/search/?gclid=zzz&q=xero")
    assert again["X-Page-Cache"] == "hit"
    assert "Xero" in again.content.decode()
    other = client.get("/search/?q=stripe&fbclid=abc")
    assert other["X-Page-Cache"] == "miss"
    assert other.content != first.content


def test_the_sitemap_is_one_copy_whatever_the_query(client, redis_db):
    first = client.get("/sitemap.xml")
    entries = redis_db.dbsize()
    for n in range(20):
        assert client.get(f"/sitemap.xml?x={n}").content == first.content
    assert redis_db.dbsize() == entries


def _hidden(html, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    return match.group(1) if match else ""


def test_utm_attribution_is_each_visitors_own_on_the_cached_form(client, redis_db):
    newsletter = client.get("/health-check/?utm_source=newsletter&utm_medium=email")
    assert _hidden(newsletter.content.decode(), "utm_source") == "newsletter"

    linkedin = client.get("/health-check/?utm_campaign=spring&utm_source=linkedin")
    assert linkedin["X-Page-Cache"] == "hit"  # the same stored page ...
    html = linkedin.content.decode()
    assert _hidden(html, "utm_source") == "linkedin"  # ... with this visitor's values
    assert _hidden(html, "utm_campaign") == "spring"
    assert _hidden(html, "utm_medium") == ""

    plain = client.get("/health-check/").content.decode()
    assert _hidden(plain, "utm_source") == "" and _hidden(plain, "utm_campaign") == ""

    fields = {key: _hidden(html, key) for key in ("utm_source", "utm_medium", "utm_campaign")}
    assert client.post("/health-check/", form_data(**fields)).status_code == 303
    assert Booking.objects.get().utm == {"utm_source": "linkedin", "utm_campaign": "spring"}
