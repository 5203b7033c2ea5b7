"""Reading figures: counted in Redis shared by every process, written by one flush at a time;
daily rows rolled into monthly ones after the retention; and nothing personal kept anywhere:
reading a guide sets no cookie and stores no address."""

import datetime as dt

import pytest
import redis
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client

from apiwise.analytics import store
from apiwise.analytics.flush import flush_page_views, roll_up_old_days
from apiwise.models import PageViewCount
from blog.models import ArticlePage
from tests.helpers import ARTICLE_URL
from tests.page_views import BROWSER_AGENT, VISITOR_ADDRESS, beacon, views_of

# It clears a Redis database of its own: one test process at a time (make test runs two).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("redis-databases")]
REDIS = "redis://127.0.0.1:6379/7"


@pytest.fixture
def guide():
    return ArticlePage.objects.get(url_path__endswith=ARTICLE_URL.removeprefix("/guides"))


@pytest.fixture
def in_redis(settings):
    settings.PAGE_VIEWS_REDIS_URL = REDIS
    client = redis.Redis.from_url(REDIS)
    client.delete(store.PENDING, store.FLUSHING, store.FLUSH_LOCK)
    yield client
    client.delete(store.PENDING, store.FLUSHING, store.FLUSH_LOCK)


def test_views_counted_in_redis_are_written_once(client, guide, in_redis):
    for _ in range(4):
        beacon(client, ARTICLE_URL, r="duckduckgo.com")
    # Another web process's views land in the same counters.
    beacon(Client(), ARTICLE_URL, r="duckduckgo.com")
    assert in_redis.hlen(store.PENDING) == 1
    assert flush_page_views() == 5
    assert flush_page_views() == 0
    assert views_of(guide, referrer_host="duckduckgo.com") == 5
    assert not in_redis.exists(store.PENDING, store.FLUSHING, store.FLUSH_LOCK)


def test_a_flush_that_died_midway_is_finished_by_the_next(client, guide, in_redis):
    beacon(client, ARTICLE_URL)
    beacon(client, ARTICLE_URL)
    store.take_pending()  # a worker took the counts, then died before writing them
    in_redis.delete(store.FLUSH_LOCK)  # its lock ran out
    beacon(client, ARTICLE_URL)  # counted meanwhile, written by the flush after
    assert flush_page_views() == 2
    assert flush_page_views() == 1
    assert views_of(guide) == 3


def test_only_one_flush_at_a_time(client, guide, in_redis):
    beacon(client, ARTICLE_URL)
    in_redis.set(store.FLUSH_LOCK, "1", ex=50)  # another worker is flushing
    assert flush_page_views() is None
    assert views_of(guide) == 0
    in_redis.delete(store.FLUSH_LOCK)
    assert flush_page_views() == 1


def test_daily_rows_past_25_months_are_rolled_into_monthly_rows(guide):
    def daily(day, views, source=""):
        PageViewCount.objects.create(
            day=day, page=guide, device="desktop", views=views, utm_source=source
        )

    daily(dt.date(2024, 12, 31), 1)
    daily(dt.date(2025, 1, 5), 2)
    daily(dt.date(2025, 1, 28), 3)
    daily(dt.date(2025, 1, 28), 7, source="newsletter")
    daily(dt.date(2025, 2, 1), 4)  # within 25 whole months of March 2027: kept daily
    assert roll_up_old_days(dt.date(2027, 3, 10)) == 4
    rows = PageViewCount.objects.order_by("day", "utm_source")
    assert [(r.day, r.monthly, r.utm_source, r.views) for r in rows] == [
        (dt.date(2024, 12, 1), True, "", 1),
        (dt.date(2025, 1, 1), True, "", 5),
        (dt.date(2025, 1, 1), True, "newsletter", 7),
        (dt.date(2025, 2, 1), False, "", 4),
    ]
    assert roll_up_old_days(dt.date(2027, 3, 10)) == 0  # nothing left to roll up


def test_reading_a_guide_sets_no_cookie_and_stores_no_address(guide, in_redis):
    browser = Client(headers={"User-Agent": BROWSER_AGENT}, REMOTE_ADDR=VISITOR_ADDRESS)
    for _ in range(2):  # rendered, then from the page cache
        page = browser.get(ARTICLE_URL)
        assert page.status_code == 200
        assert not page.cookies
        html = page.content.decode()
        assert '<script src="/static/js/page-view.js" defer></script>' in html
    assert page["X-Page-Cache"] == "hit"  # the cached copy loads the beacon too
    assert beacon(browser, ARTICLE_URL, r="google.com", s="linkedin").status_code == 204
    pending = b" ".join(k + b" " + v for k, v in in_redis.hgetall(store.PENDING).items())
    assert VISITOR_ADDRESS.encode() not in pending
    assert b"Chrome" not in pending
    flush_page_views()
    assert views_of(guide) == 1
    assert Session.objects.count() == 0
    # Nowhere in the database: every text column of every table searched for the address.
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            columns = connection.introspection.get_table_description(cursor, table)
            for column in columns:
                # PostgreSQL's text and varchar type codes; SQLite's declared type names.
                text = column.type_code in (25, 1043) or str(column.type_code).lower().startswith(
                    ("varchar", "text", "char")
                )
                if not text:
                    continue
                name = connection.ops.quote_name(column.name)
                cursor.execute(
                    f"SELECT count(*) FROM {connection.ops.quote_name(table)} "  # noqa: S608
                    f"WHERE {name} LIKE %s",
                    [f"%{VISITOR_ADDRESS}%"],
                )
                assert cursor.fetchone()[0] == 0, f"{table}.{column.name} holds the address"


def test_staff_and_previews_get_no_beacon(admin_client, guide):
    assert "page-view.js" not in admin_client.get(ARTICLE_URL).content.decode()
    preview = guide.make_preview_request()
    assert preview.status_code == 200
    assert "page-view.js" not in preview.content.decode()
