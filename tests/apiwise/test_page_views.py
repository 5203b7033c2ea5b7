"""Reading figures without cookies: the beacon's endpoint counts a page view, or says why not
(GPC/DNT, bots, prefetches), never with a session or a cookie; bad input is a 400."""

import pytest
from django.contrib.sessions.models import Session

from apiwise.analytics import store
from apiwise.analytics.flush import flush_page_views
from apiwise.models import PageViewCount
from blog.models import ArticlePage
from tests.helpers import ARTICLE_URL
from tests.page_views import beacon, beacon_in_body, views_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_pending():
    store.local_buffer.take()
    yield
    store.local_buffer.take()


@pytest.fixture
def guide():
    return ArticlePage.objects.get(url_path__endswith=ARTICLE_URL.removeprefix("/guides"))


def test_a_page_view_is_counted_without_a_session_or_a_cookie(client, guide):
    response = beacon(client, ARTICLE_URL, r="www.google.com", d="m", s="Newsletter")
    assert response.status_code == 204
    assert response.content == b""
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert response["Cache-Control"] == "no-store"
    assert Session.objects.count() == 0
    assert flush_page_views() == 1
    row = PageViewCount.objects.get(page=guide)
    assert (row.views, row.referrer_host, row.device, row.utm_source) == (
        1,
        "google.com",
        "mobile",
        "newsletter",
    )


def test_a_page_cached_before_the_change_still_counts_with_its_form_body(client, guide):
    response = beacon_in_body(client, ARTICLE_URL, d="t")
    assert response.status_code == 204
    assert beacon_in_body(client, "guides/x/").status_code == 400
    assert flush_page_views() == 1
    assert views_of(guide, device="tablet") == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-GPC": "1"},
        {"DNT": "1"},
        {"Sec-Purpose": "prefetch"},
        {"Sec-Purpose": "prefetch;prerender"},
        {"Purpose": "prefetch"},
        {"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
        {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/156.0.0.0 Safari/537.36"},
        {"User-Agent": "Chrome-Lighthouse"},
        {"User-Agent": ""},
    ],
    ids=["gpc", "dnt", "prefetch", "prerender", "purpose", "googlebot", "headless", "lh", "no-ua"],
)
def test_views_a_visitor_or_their_browser_did_not_ask_for_are_not_counted(client, guide, headers):
    assert beacon(client, ARTICLE_URL, headers=headers).status_code == 204
    assert beacon(client, ARTICLE_URL).status_code == 204  # the one that counts
    flush_page_views()
    assert views_of(guide) == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"p": ""}, "p (the page's path) is required"),
        ({"p": "guides/x/"}, "p (the page) must be a path"),
        ({"p": "//evil.example/"}, "p (the page) must be a path"),
        ({"p": "/" + "a" * 300}, "at most 255 characters"),
        ({"r": "https://www.google.com/search?q=me"}, "host name, nothing more"),
        ({"d": "phone"}, "d must be m, t or d"),
        ({"s": "x" * 101}, "s must be at most 100 characters"),
        ({"f": "http://elsewhere/"}, "f (the previous page) must be a path"),
        ({"s": "news\tletter"}, "s must not contain control characters"),
        ({"f": "/guides/\x1b[31m/"}, "f must not contain control characters"),
    ],
)
def test_bad_beacons_get_a_400_that_says_what_is_wrong(client, fields, message):
    response = beacon(client, ARTICLE_URL, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_odd_requests_to_the_endpoint_are_4xx_never_500(client):
    assert client.get("/views/").status_code == 405
    assert client.post("/views/", "p=/x/", content_type="text/plain").status_code == 400
    big = "p=/guides/&s=" + "x" * 5000
    too_big = client.post("/views/", big, content_type="application/x-www-form-urlencoded")
    assert too_big.status_code == 413
    binary = client.post(
        "/views/", b"p=/\xff\xfe/&d=d", content_type="application/x-www-form-urlencoded"
    )
    assert binary.status_code == 204  # decoded with replacement characters: no such page
    assert client.post("/views/?x=%00", {"p": "/"}).status_code == 400
    assert PageViewCount.objects.count() == 0


def test_flush_writes_per_page_per_day_per_source_rows_and_adds_to_them(client, guide):
    for _ in range(3):
        beacon(client, ARTICLE_URL, r="google.com", d="m")
    for _ in range(2):
        beacon(client, ARTICLE_URL)
    beacon(client, "/guides/no-such-guide/")  # not a page: dropped at the flush
    beacon(client, "/health-check/", f=ARTICLE_URL)
    beacon(client, "/health-check/", f="/made-up/")  # the previous page must be a page too
    assert flush_page_views() == 7
    assert views_of(guide, referrer_host="google.com", device="mobile") == 3
    assert views_of(guide, referrer_host="", device="desktop") == 2
    health_check = PageViewCount.objects.filter(page__url_path__endswith="/health-check/")
    assert sorted(health_check.values_list("previous_path", "views")) == [("", 1), (ARTICLE_URL, 1)]
    assert PageViewCount.objects.count() == 4

    beacon(client, ARTICLE_URL, r="google.com", d="m")
    assert flush_page_views() == 1
    assert views_of(guide, referrer_host="google.com", device="mobile") == 4
    assert PageViewCount.objects.count() == 4  # added to the row, not a row per flush
    assert flush_page_views() == 0


def test_a_flush_that_fails_keeps_its_counts_for_the_next_one(client, guide, monkeypatch):
    from apiwise.analytics import flush

    beacon(client, ARTICLE_URL)
    beacon(client, ARTICLE_URL)

    def database_down(rows):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(flush, "add_rows", database_down)
    with pytest.raises(RuntimeError):
        flush_page_views()
    monkeypatch.undo()
    assert flush_page_views() == 2
    assert views_of(guide) == 2


def test_the_in_process_store_is_bounded(client, guide, settings):
    settings.PAGE_VIEWS_MAX_PENDING = 2
    beacon(client, ARTICLE_URL, s="a")
    beacon(client, ARTICLE_URL, s="b")
    beacon(client, ARTICLE_URL, s="c")  # a third counter: no room until the flush
    beacon(client, ARTICLE_URL, s="a")  # an existing counter still counts
    assert flush_page_views() == 3
    assert sorted(PageViewCount.objects.values_list("utm_source", "views")) == [("a", 2), ("b", 1)]
