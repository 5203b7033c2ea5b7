"""Anonymous visitors are served from the page cache; what a page says to shared caches; pages
stay correct: fresh after a publish, and nothing of one visitor's in another's copy."""

import re

import pytest
from django.test import Client

from blog.models import ArticlePage
from bookings.models import Booking
from bookings.slots import free_slots
from tests.helpers import ARTICLE_URL, form_data

pytestmark = pytest.mark.django_db


def public_directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_an_anonymous_guide_view_is_served_from_the_cache_without_the_database(
    client, django_assert_num_queries
):
    first = client.get(ARTICLE_URL)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(ARTICLE_URL)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.parametrize(
    "url", ["/", "/guides/", ARTICLE_URL, "/guides/api-basics/", "/faqs/", "/search/?q=xero"]
)
def test_public_pages_tell_shared_caches_and_browsers_how_long_to_keep_them(client, url):
    directives = public_directives(client.get(url))
    assert "public" in directives
    assert {"max-age=60", "s-maxage=600", "stale-while-revalidate=86400"} <= directives


@pytest.mark.parametrize("cached_first", [False, True], ids=["cold", "cached"])
@pytest.mark.parametrize("url", ["/", ARTICLE_URL, "/guides/api-basics/"])
def test_a_head_request_gets_the_same_caching_headers_as_a_get(client, url, cached_first):
    """CDNs and link checkers ask with HEAD: it must say what GET says, with no body."""
    if cached_first:
        client.get(url)
    head = client.head(url)
    get = client.get(url)
    assert head.status_code == 200
    assert head.content == b""
    assert head["Cache-Control"] == get["Cache-Control"]
    assert "public" in public_directives(head)
    assert head["Content-Type"] == get["Content-Type"]


@pytest.mark.parametrize("url", ["/health-check/booked/", "/admin/login/", "/healthz"])
def test_personal_and_staff_pages_are_never_stored(client, url):
    response = client.get(url)
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_a_visitor_with_a_session_is_never_served_from_the_cache(client, admin_user):
    client.get(ARTICLE_URL)  # cached for anonymous visitors
    client.force_login(admin_user)
    response = client.get(ARTICLE_URL)
    assert "X-Page-Cache" not in response
    assert "public" not in response["Cache-Control"]


def test_a_publish_is_seen_by_the_next_visitor(client):
    client.get(ARTICLE_URL)
    assert client.get(ARTICLE_URL)["X-Page-Cache"] == "hit"
    guide = ArticlePage.objects.get(url_path__endswith="/apis-vs-integrations-vs-automation/")
    guide.summary = "A fresher standfirst, published a moment ago."
    guide.save_revision().publish()
    response = client.get(ARTICLE_URL)
    assert response["X-Page-Cache"] == "miss"
    assert "A fresher standfirst, published a moment ago." in response.content.decode()


HIDDEN = re.compile(
    r'name="(csrfmiddlewaretoken|submission_token|started|source_page)" value="([^"]*)"'
)


def hidden_values(response):
    return dict(HIDDEN.findall(response.content.decode()))


def test_the_health_check_form_is_cached_but_every_visitor_gets_their_own_tokens():
    alice, bob = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first = alice.get("/health-check/", headers={"referer": "http://testserver/guides/x/"})
    second = bob.get("/health-check/")
    assert second["X-Page-Cache"] == "hit"
    mine, theirs = hidden_values(first), hidden_values(second)
    assert (
        set(mine)
        == set(theirs)
        == {"csrfmiddlewaretoken", "submission_token", "started", "source_page"}
    )
    for name in ("csrfmiddlewaretoken", "submission_token", "started"):
        assert mine[name] != theirs[name], name
    assert mine["source_page"] == "/guides/x/" and theirs["source_page"] == ""
    # Shared caches must not keep it: it comes with the visitor's own CSRF cookie.
    assert "public" not in second["Cache-Control"] and "private" in second["Cache-Control"]
    assert "csrftoken" in second.cookies

    # The page served from the cache works: Bob books with his own tokens.
    slot = free_slots()[0]
    data = form_data(slot=slot.value, **{k: v for k, v in theirs.items() if k != "started"})
    response = bob.post("/health-check/", data)
    assert response.status_code == 303
    assert Booking.objects.get().submission_token.hex == theirs["submission_token"].replace("-", "")
    # The slot he took is no longer offered to the next visitor.
    after = Client().get("/health-check/")
    assert after["X-Page-Cache"] == "miss"
    assert slot.value not in after.content.decode()


def test_a_page_made_private_is_never_served_from_the_cache_again(client):
    from wagtail.models import PageViewRestriction

    client.get(ARTICLE_URL)
    assert client.get(ARTICLE_URL)["X-Page-Cache"] == "hit"
    guide = ArticlePage.objects.get(url_path__endswith="/apis-vs-integrations-vs-automation/")
    PageViewRestriction.objects.create(page=guide, restriction_type="login")
    response = client.get(ARTICLE_URL)
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.slow  # starts Django in a process of its own
def test_without_redis_every_production_worker_sees_a_change_another_worker_made(tmp_path):
    """Two gunicorn workers are two processes: with no REDIS_URL, a change one of them sees
    (a publish, a booked slot) must move the content version the other serves by too."""
    import os
    import subprocess
    import sys

    from tests.helpers import ROOT

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="apiwise.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="apiwise.example",
        VAR_DIR=str(tmp_path),
    )

    def in_a_worker(code):
        script = "import django; django.setup(); from apiwise import content_cache as c; " + code
        result = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    before = in_a_worker("print(c.content_version())")
    assert in_a_worker("print(c.content_version())") == before
    in_a_worker("c._new_version()")  # what a publish does in one worker
    assert in_a_worker("print(c.content_version())") != before
