"""The site under faults, with real processes (see conftest.py): PostgreSQL restarting while
prospects book, the mail server down, the worker killed mid-send, and hostile requests.
What must hold: every acknowledged booking is stored, no 500s, 503s while the database is
away, the worker carries on, every e-mail arrives (once, unless a worker died mid-send, and
then with the same Message-ID), and no request gets a 5xx for what it sends."""

import html
import http.client
import http.cookiejar
import re
import signal
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

import pytest

from tests.helpers import wait_until
from tests.system.conftest import wait_for_the_queue_to_empty

# Real processes on fixed resources (Redis database 14): one test process at a time.
pytestmark = [pytest.mark.system, pytest.mark.xdist_group("shared-services")]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """A browser: cookies, the form as the page serves it, a POST that does not follow the
    redirect (so the test sees the 303 that acknowledges a booking)."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def request(self, path, data=None):
        try:
            with self.opener.open(self.base + path, data=data, timeout=30) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace"), dict(error.headers)

    def book(self, **fields):
        """Fill in and send the booking form. Returns (status of the GET or the POST, the
        submission token sent, headers)."""
        status, page, headers = self.request("/health-check/")
        if status != 200:
            return status, None, headers
        hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
        hidden = {name: html.unescape(value) for name, value in hidden.items()}
        data = {
            **hidden,
            "name": "Ada Lovelace",
            "email": "ada@example.co.uk",
            "company": "Analytical Engines Ltd",
            "problem": "Orders from Shopify are typed into Xero by hand.",
            "volume": "lt1000",
            "slot": "none",
            **fields,
        }
        body = urllib.parse.urlencode(data).encode()
        status, _page, headers = self.request("/health-check/", body)
        return status, data.get("submission_token"), headers


def stored(cluster, tokens):
    rows = cluster.query(
        "SELECT submission_token::text FROM bookings_booking WHERE submission_token::text = ANY(%s)",
        (list(tokens),),
    )
    return {row[0] for row in rows}


def test_a_database_restart_loses_no_acknowledged_booking(
    site, cluster, smtp, start_worker, sent_deliveries
):
    worker = start_worker()
    outcomes, stop = [], threading.Event()

    def prospect():
        while not stop.is_set():
            outcomes.append(Visitor(site).book())

    prospects = [threading.Thread(target=prospect) for _ in range(3)]
    for thread in prospects:
        thread.start()
    time.sleep(3)
    cluster.stop()
    gap_started = len(outcomes)
    time.sleep(1)
    while_away = Visitor(site).request("/guides/apis-vs-integrations-vs-automation/")
    time.sleep(3)
    cluster.start()
    time.sleep(5)
    stop.set()
    for thread in prospects:
        thread.join(60)

    statuses = Counter(status for status, _token, _headers in outcomes)
    assert not {s for s in statuses if s >= 500} - {503}, statuses
    assert statuses[303] > 10 and statuses[503] > 0, statuses
    assert len(outcomes) > gap_started, "nobody tried to book while the database was away"
    status, page, headers = while_away
    assert status == 503 and "briefly unavailable" in page and int(headers["Retry-After"]) > 0
    unavailable_posts = [h for s, token, h in outcomes if s == 503 and token]
    assert all(int(h["Retry-After"]) > 0 for h in unavailable_posts)

    acknowledged = {token for status, token, _headers in outcomes if status == 303}
    assert stored(cluster, acknowledged) == acknowledged
    assert worker.poll() is None, "the worker died with the database"
    # The worker carries on: every acknowledged booking's two e-mails go out.
    wait_until(
        lambda: sent_deliveries(acknowledged) == 2 * len(acknowledged),
        timeout=90,
        message="the e-mails of every acknowledged booking sent",
    )


def test_an_smtp_outage_delays_each_email_and_sends_it_exactly_once(
    site, cluster, smtp, start_worker
):
    start_worker()
    wait_for_the_queue_to_empty(cluster)
    before = len(smtp.messages)
    smtp.stop()
    try:
        tokens = {Visitor(site).book()[1] for _ in range(4)}
        assert stored(cluster, tokens) == tokens
        wait_until(
            lambda: (
                cluster.query(
                    "SELECT count(*) FROM apiwise_emaildelivery WHERE attempts >= 1 AND state = 'queued'"
                    " AND last_error <> ''"
                )[0][0]
                >= 8
            ),
            timeout=60,
            message="every e-mail tried and queued for a retry",
        )
        assert len(smtp.messages) == before
    finally:
        smtp.start()
    wait_for_the_queue_to_empty(cluster, timeout=90)
    received = Counter(smtp.message_ids()[before:])
    assert len(received) == 8 and set(received.values()) == {1}, received


def test_a_worker_killed_mid_send_is_replaced_and_the_email_arrives_within_two_minutes(
    site, cluster, smtp, start_worker
):
    start_worker()
    wait_for_the_queue_to_empty(cluster)
    before = len(smtp.messages)
    smtp.receiving.clear()
    smtp.delay = 15  # a slow mail server: the worker waits for its answer
    worker = start_worker()
    Visitor(site).book()
    assert smtp.receiving.wait(60), "no e-mail reached the mail server"
    worker.send_signal(signal.SIGKILL)
    killed_at = time.monotonic()
    smtp.delay = 0
    start_worker()  # what the supervisor does
    wait_for_the_queue_to_empty(cluster, timeout=120)
    assert time.monotonic() - killed_at < 120
    received = Counter(smtp.message_ids()[before:])
    # Both e-mails arrive; only the one in flight when the worker died may come twice, and
    # then as the same message.
    assert len(received) == 2 and sorted(received.values()) in ([1, 1], [1, 2]), received


def test_a_slow_send_is_not_mistaken_for_a_dead_worker(site, cluster, smtp, start_worker):
    """The lease is renewed while the mail server takes longer than the lease itself."""
    start_worker(BOOKINGS_EMAIL_LEASE_SECONDS="3", BOOKINGS_OUTBOX_CHECK_SECONDS="1")
    wait_for_the_queue_to_empty(cluster)
    before = len(smtp.messages)
    smtp.delay = 7
    try:
        Visitor(site).book()
        wait_for_the_queue_to_empty(cluster, timeout=90)
    finally:
        smtp.delay = 0
    received = Counter(smtp.message_ids()[before:])
    assert len(received) == 2 and set(received.values()) == {1}, received


# --- Hostile requests -----------------------------------------------------------------------

PUBLIC_PATHS = [
    "/",
    "/guides/",
    "/guides/apis-vs-integrations-vs-automation/",
    "/guides/api-basics/",
    "/guides/feed/",
    "/faqs/",
    "/about/",
    "/search/",
    "/health-check/",
    "/health-check/booked/",
    "/health-check/booked/calendar/",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/admin/login/",
]
PARAMETERS = ["page", "topic", "q", "from", "utm_source", "done", "next"]
HOSTILE_VALUES = [
    "%00",
    "a%00b",
    "%C2%B2",  # ²
    "%E2%91%A0",  # ①
    "%D9%A3",  # Arabic-Indic three
    "%FF%FE",  # not UTF-8
    "%C0%AF",  # overlong UTF-8
    "9" * 40,
    "-1",
    "1e9",
    "x" * 9000,
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%25",
]
BAD_SIGNED_LINKS = [
    "/health-check/manage/x/",
    "/health-check/manage/" + "A" * 400 + "/",
    "/health-check/manage/%00/",
    "/health-check/manage/ImhlbGxvIg/",  # base64 of a JSON string, unsigned
    "/health-check/manage/SEMtQUJDREVGR0g6MXYyMzQ6c2lnbmF0dXJl/",  # looks signed, is not
]


def raw_request(base, method, path, body=None, headers=None):
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        if body is not None:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_no_hostile_request_gets_a_server_error(site):
    failures = []
    requests = [
        (path, f"?{name}={value}")
        for path in PUBLIC_PATHS
        for name in PARAMETERS
        for value in HOSTILE_VALUES
    ]
    requests += [(path, "") for path in BAD_SIGNED_LINKS]
    requests += [(path + "%00/", "") for path in ("/guides", "/guides/api-basics", "/faqs")]
    for path, query in requests:
        status = raw_request(site, "GET", path + query)
        if status >= 500:
            failures.append((status, path + query[:80]))
    # Forms posted in charsets the site cannot read, with junk bodies and junk cookies.
    for charset in ("latin-1", "utf-16", "utf-7", "no-such-charset"):
        status = raw_request(
            site,
            "POST",
            "/health-check/",
            body="name=Caf\xe9&slot=none".encode("latin-1"),
            headers={"Content-Type": f"application/x-www-form-urlencoded; charset={charset}"},
        )
        if status >= 500:
            failures.append((status, f"POST charset={charset}"))
    for cookie in ("sessionid=%00", "sessionid=" + "x" * 5000, "csrftoken=<>; sessionid=../../"):
        status = raw_request(site, "GET", "/health-check/booked/", headers={"Cookie": cookie})
        if status >= 500:
            failures.append((status, f"cookie {cookie[:40]}"))
    assert failures == [], failures[:20]
    assert len(requests) > 1000
