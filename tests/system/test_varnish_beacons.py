"""Page views as production counts them: the project's VCL under the real varnishd answers a
well-formed beacon (POST /views/?p=...) itself, and `manage.py count_varnish_views` counts it
from Varnish's log through the real varnishncsa into the real Redis; `flush_page_views`
writes it to PostgreSQL. GPC, DNT, bots and prefetches are answered alike and not counted;
anything malformed reaches the site (gunicorn, production settings), which says what is wrong.
"""

import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
import redis

from apiwise.analytics.store import PENDING
from scripts.site_server import manage
from tests.helpers import ARTICLE_URL, ROOT, wait_until
from tests.page_views import BROWSER_AGENT, read_five_and_two
from tests.system.conftest import VARNISH_PORT

pytestmark = [pytest.mark.system, pytest.mark.xdist_group("shared-services")]

WARM_UP = "/counter-warm-up/"  # not a page: dropped at the flush
SECOND_GUIDE = "/guides/sync-shopify-and-xero/"


def post(url, body=None, **headers):
    """(status, headers, body text) of a POST."""
    request = urllib.request.Request(
        url, data=body or b"", method="POST", headers={"User-Agent": BROWSER_AGENT, **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def beacon(varnish, path, headers=None, **fields):
    """A beacon as page-view.js sends it: the fields in the address (the page first, the
    device last), no body."""
    query = urlencode({"p": path, **fields, "d": fields.get("d", "d")})
    return post(f"{varnish}/views/?{query}", **(headers or {}))


def pending(redis_url, path):
    """Views of `path` the counter has written to Redis and no flush has taken yet."""
    counters = redis.Redis.from_url(redis_url).hgetall(PENDING)
    return sum(int(views) for field, views in counters.items() if f"\t{path}\t" in field.decode())


def stored_views(cluster, path, device=None):
    """Views stored for the page at `path` (of one device class, or all)."""
    rows = cluster.query(
        "SELECT coalesce(sum(v.views), 0) FROM apiwise_pageviewcount v"
        " JOIN wagtailcore_page p ON p.id = v.page_id"
        " WHERE p.url_path LIKE %s AND (%s::text IS NULL OR v.device = %s)",
        (f"%/{path.strip('/').split('/')[-1]}/", device, device),
    )
    return rows[0][0]


def flush(site_env):
    manage(site_env, "flush_page_views")


def children(pid):
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except FileNotFoundError:  # a thread of the counter's that ended meanwhile
            continue
    return found


@pytest.fixture
def counter(site_env, varnish, redis_url, workdir):
    """`manage.py count_varnish_views` beside the test's varnishd, counting once it returns
    (one per test: a test may stop it)."""
    state = workdir / f"varnish-{VARNISH_PORT}" / "state"
    with (workdir / "counter.log").open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "count_varnish_views", "--varnish-name", str(state)],
            cwd=ROOT,
            env=site_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its varnishncsa in its group, stopped with it
        )

        # varnishncsa reads from the end of the log: beacon until one of ours is counted.
        def counting():
            beacon(varnish, WARM_UP)
            return pending(redis_url, WARM_UP)

        wait_until(counting, timeout=90, interval=1, message="the counter counting")
        yield process
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_varnish_answers_beacons_and_the_counter_counts_those_that_count(
    site, varnish, site_env, cluster, redis_url, workdir, counter
):
    access_log = workdir / "gunicorn.log"
    log_before = access_log.stat().st_size
    before = {device: stored_views(cluster, ARTICLE_URL, device) for device in ("mobile", "tablet")}

    # Not counted, though answered alike: the browser learns nothing either way.
    for headers in (
        {"Sec-GPC": "1"},
        {"DNT": "1"},
        {"Sec-Purpose": "prefetch;prerender"},
        {"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
    ):
        assert beacon(varnish, ARTICLE_URL, headers, d="m")[0] == 204
    assert beacon(varnish, ARTICLE_URL, r="\x00", d="m")[0] == 204  # no NUL reaches a table
    # Counted: three from Varnish, one in a form body (a page cached before the change).
    for _ in range(3):
        status, headers, body = beacon(varnish, ARTICLE_URL, d="m", r="news.example.com")
        assert (status, body) == (204, "")
        assert headers["Cache-Control"] == "no-store"
        assert "Set-Cookie" not in headers
    status, headers, _ = post(f"{varnish}/views/", urlencode({"p": ARTICLE_URL, "d": "t"}).encode())
    assert (status, headers["Cache-Control"]) == (204, "no-store")

    # Malformed: the site's own answer, never Varnish's 204.
    status, _, body = beacon(varnish, "guides/no-slash/")
    assert (status, body) == (
        400,
        "p (the page) must be a path on this site of at most 255 characters.",
    )
    status, _, body = beacon(varnish, ARTICLE_URL, d="phone")
    assert (status, body) == (400, "d must be m, t or d (the device class).")

    wait_until(lambda: pending(redis_url, ARTICLE_URL) >= 3, timeout=20, message="3 views counted")
    flush(site_env)
    assert stored_views(cluster, ARTICLE_URL, "mobile") == before["mobile"] + 3
    assert stored_views(cluster, ARTICLE_URL, "tablet") == before["tablet"] + 1

    # Only the form body and the malformed ones reached the site.
    wait_until(lambda: access_log.stat().st_size > log_before, timeout=10, message="logged")
    with access_log.open() as log:
        log.seek(log_before)
        reached = [line for line in log if "/views/" in line]
    assert len(reached) == 3, reached
    assert all("/views/ " in line or "no-slash" in line or "d=phone" in line for line in reached)


@pytest.mark.browser
def test_five_and_two_views_in_chromium_through_varnish_are_five_and_two_stored(
    browser, varnish, site_env, cluster, redis_url, workdir, counter
):
    access_log = workdir / "gunicorn.log"
    log_before = access_log.stat().st_size
    before = {path: stored_views(cluster, path) for path in (ARTICLE_URL, SECOND_GUIDE)}
    beacons, cookies = read_five_and_two(browser, varnish, ARTICLE_URL, SECOND_GUIDE)
    assert cookies == []
    assert all(r.method == "POST" for r in beacons)

    wait_until(lambda: pending(redis_url, SECOND_GUIDE) >= 2, timeout=20, message="counted")
    flush(site_env)
    assert stored_views(cluster, ARTICLE_URL) == before[ARTICLE_URL] + 5
    assert stored_views(cluster, SECOND_GUIDE) == before[SECOND_GUIDE] + 2
    with access_log.open() as log:  # Varnish answered every one: none reached the site
        log.seek(log_before)
        assert not [line for line in log if "/views/" in line]


def test_pages_are_still_cached(varnish):
    for _ in range(2):
        with urllib.request.urlopen(varnish + ARTICLE_URL, timeout=10) as page:  # noqa: S310
            cache = page.headers["X-Cache"]
    assert cache == "HIT"


def test_the_counter_restarts_its_log_reader_and_stops_on_sigterm(varnish, redis_url, counter):
    (reader,) = children(counter.pid)
    counted = pending(redis_url, WARM_UP)
    os.kill(reader, signal.SIGKILL)
    wait_until(lambda: children(counter.pid) - {reader}, timeout=10, message="a new varnishncsa")

    def counting_again():
        beacon(varnish, WARM_UP)
        return pending(redis_url, WARM_UP) > counted

    wait_until(counting_again, timeout=30, interval=1, message="counting again")
    (reader,) = children(counter.pid)
    counter.send_signal(signal.SIGTERM)
    assert counter.wait(timeout=20) == 0
    assert not Path(f"/proc/{reader}").exists()  # its varnishncsa stopped with it
