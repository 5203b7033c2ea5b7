"""The project's VCL under the real varnishd, in front of a stub web server that counts what
reaches it: tracking parameters (utm_*, gclid, fbclid, …) never make a new cached copy, the
order of parameters makes no difference, the site still gets the address as the visitor sent
it (the booking form records utm_*), and a purge of a page reaches every campaign's view of it."""

import http.server
import os
import secrets
import signal
import threading
import urllib.error
import urllib.request
from collections import Counter

import pytest

from tests.servers import free_port
from tests.system.conftest import start_varnish

# Real processes on fixed resources (Redis database 14): one test process at a time.
pytestmark = [pytest.mark.system, pytest.mark.xdist_group("shared-services")]


class StubSite(http.server.ThreadingHTTPServer):
    """Answers every GET with a public page naming the address it was asked for and a
    running number, and remembers each address (health probes aside)."""

    def __init__(self):
        self.seen = Counter()
        self.count = 0
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), StubHandler)


class StubHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        site = self.server
        with site.lock:
            if self.path != "/healthz":
                site.seen[self.path] += 1
            site.count += 1
            body = f"{self.path} #{site.count}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Cache-Control", "public, max-age=60, s-maxage=600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def stub_site():
    site = StubSite()
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    yield site
    site.shutdown()


@pytest.fixture(scope="module")
def proxy(stub_site, workdir):
    base, pid = start_varnish("127.0.0.1", stub_site.server_address[1], workdir, free_port())
    yield base
    os.kill(pid, signal.SIGTERM)


def get(url, method="GET"):
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_two_thousand_campaign_clicks_are_one_cached_copy(proxy, stub_site):
    _status, headers, first = get(proxy + "/guides/what-is-an-api/?utm_source=newsletter")
    assert headers["X-Cache"] == "MISS"
    # The site saw the address as sent: its booking form reads utm_* from it.
    assert stub_site.seen["/guides/what-is-an-api/?utm_source=newsletter"] == 1

    tracking = ["utm_source", "utm_medium", "utm_campaign", "gclid", "fbclid", "mc_cid", "msclkid"]
    for _ in range(2000):
        name = secrets.choice(tracking)
        status, headers, body = get(
            f"{proxy}/guides/what-is-an-api/?{name}={secrets.token_hex(6)}&UTM_Term=x"
        )
        assert (status, headers["X-Cache"], body) == (200, "HIT", first)
    assert stub_site.seen.total() == 1
    # Without any parameter, it is the same page too.
    assert get(proxy + "/guides/what-is-an-api/")[2] == first


def test_parameters_a_page_may_read_still_make_their_own_copy_in_any_order(proxy, stub_site):
    _s, _h, page_two = get(proxy + "/guides/?topic=xero&page=2")
    _s, headers, again = get(proxy + "/guides/?gclid=1&page=2&utm_medium=cpc&topic=xero")
    assert headers["X-Cache"] == "HIT" and again == page_two
    _s, headers, page_three = get(proxy + "/guides/?topic=xero&page=3")
    assert headers["X-Cache"] == "MISS" and page_three != page_two
    # A name that merely starts like a tracking parameter is not one.
    _s, headers, _body = get(proxy + "/guides/?topic=xero&page=2&gclidx=1")
    assert headers["X-Cache"] == "MISS"


def test_a_purge_of_a_page_reaches_every_campaigns_view_of_it(proxy, stub_site):
    get(proxy + "/about/?utm_campaign=spring")
    assert get(proxy + "/about/?fbclid=abc")[1]["X-Cache"] == "HIT"
    status, _h, _b = get(proxy + "/about/", method="PURGE")
    assert status == 200
    assert get(proxy + "/about/?utm_campaign=spring")[1]["X-Cache"] == "MISS"
