"""Reading figures in a real browser: the beacon script on the cached pages counts each view,
sets no cookie, and the views appear in "Which guides sell" after `flush_page_views`, or
within a minute with the production worker running and nobody doing anything."""

import os
import signal
import subprocess
import sys
import time

import pytest
import redis
from django.core.management import call_command
from django.db import connection

from apiwise.analytics import store
from blog.models import ArticlePage
from tests.bookings.test_guides_report import REPORT, table_rows
from tests.bookings.test_reading_figures import READING
from tests.helpers import ROOT, wait_until
from tests.page_views import BROWSER_AGENT, read_five_and_two

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FIRST = "/guides/apis-vs-integrations-vs-automation/"
SECOND = "/guides/sync-shopify-and-xero/"


def pending_views():
    with store.local_buffer.lock:
        return sum(store.local_buffer.counts.values())


def report_figures(admin_client):
    """Views per guide title in "Which guides sell", as staff see it."""
    html = admin_client.get(REPORT).content.decode()
    if 'aria-labelledby="table-heading"' not in html:
        return {}  # no figures at all yet: the report says so instead of a table
    return {row[0]: row[1] for row in table_rows(html, READING)}


def title(path):
    return ArticlePage.objects.get(slug=path.split("/")[2]).title


def test_five_and_two_views_in_chromium_are_five_and_two_in_the_report(
    live_demo, browser, admin_client
):
    store.local_buffer.take()
    beacons, cookies = read_five_and_two(browser, live_demo.url, FIRST, SECOND)
    deadline = time.monotonic() + 10
    while pending_views() < 7 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pending_views() == 7
    assert all(r.method == "POST" for r in beacons)
    assert cookies == []  # nothing stored in the browser, by the pages or the beacon

    call_command("flush_page_views")
    rows = report_figures(admin_client)
    assert rows[title(FIRST)] == "5"
    assert rows[title(SECOND)] == "2"


# Production's arrangement: the views go to Redis, and the worker (its own process, started as
# docker-compose.yml starts it) writes them every minute. A Redis database of its own, shared
# with tests/apiwise/test_page_views_storage.py: one test process at a time.
REDIS = "redis://127.0.0.1:6379/7"


@pytest.fixture
def views_in_redis(settings):
    settings.PAGE_VIEWS_REDIS_URL = REDIS
    client = redis.Redis.from_url(REDIS)
    client.delete(store.PENDING, store.FLUSHING, store.FLUSH_LOCK)
    yield client
    client.delete(store.PENDING, store.FLUSHING, store.FLUSH_LOCK)


@pytest.fixture
def worker(views_in_redis, tmp_path):
    """`manage.py run_worker --queue-name "*" --no-reload` with the production settings, on
    the test database and the Redis above, stopped at the end."""
    db = connection.settings_dict
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE", "REDIS_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="apiwise.settings.production",
        SECRET_KEY="worker-test-" + "x" * 50,
        ALLOWED_HOSTS="testserver",
        VAR_DIR=str(tmp_path),
        PAGE_VIEWS_REDIS_URL=REDIS,
        DATABASE_URL=(
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        ),
    )
    log_path = tmp_path / "worker.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--queue-name", "*", "--no-reload"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        # Its periodic jobs start just before it says so; on a busy machine that can take a
        # while, and the minute counts from there.
        wait_until(
            lambda: "Starting worker" in log_path.read_text() or process.poll() is not None,
            timeout=90,
            message="the worker starting",
        )
        assert process.poll() is None, log_path.read_text()
        yield process
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


@pytest.mark.xdist_group("redis-databases")
def test_with_the_worker_running_the_views_reach_the_report_within_a_minute(
    live_demo, browser, admin_client, worker
):
    if connection.vendor != "postgresql":
        pytest.skip("the worker's own process needs a database it can share: set DATABASE_URL")
    started = time.monotonic()  # the worker is running
    beacons, cookies = read_five_and_two(browser, live_demo.url, FIRST, SECOND)
    assert len(beacons) == 7 and cookies == []
    assert report_figures(admin_client).get(title(FIRST)) in (None, "0")  # not yet written

    def figures_written():
        assert worker.poll() is None, "the worker stopped"
        rows = report_figures(admin_client)
        return rows.get(title(FIRST)) == "5" and rows.get(title(SECOND)) == "2"

    # The worker writes pending views every PAGE_VIEWS_FLUSH_SECONDS (60) from its start, so
    # within a minute of it (some seconds' margin for a busy machine).
    wait_until(figures_written, timeout=70, interval=2, message="5 and 2 views in the report")
    assert time.monotonic() - started < 75


def test_a_browser_sending_global_privacy_control_is_not_counted(live_demo, browser):
    store.local_buffer.take()
    context = browser.new_context(user_agent=BROWSER_AGENT)
    context.add_init_script(
        "Object.defineProperty(navigator, 'globalPrivacyControl', {value: true})"
    )
    page = context.new_page()
    beacons = []
    page.on("request", lambda r: beacons.append(r) if "/views/?" in r.url else None)
    page.goto(f"{live_demo.url}{FIRST}")
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert beacons == []
    assert pending_views() == 0
    context.close()
