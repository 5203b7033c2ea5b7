"""Production's fast path for the beacon: gunicorn's WSGI application (apiwise.wsgi) answers
POST /views/ in front of Django's middleware, with the same checks and the same counter as the
middleware the other tests go through, and hands every other request to Django. Driven over
real HTTP on loopback (wsgiref serving the application gunicorn serves)."""

import threading
import urllib.error
import urllib.request
from urllib.parse import urlencode
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest

from apiwise.analytics import store
from apiwise.analytics.flush import flush_page_views
from apiwise.wsgi import application
from blog.models import ArticlePage
from tests.helpers import ARTICLE_URL
from tests.page_views import BROWSER_AGENT, views_of

pytestmark = pytest.mark.django_db


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = make_server("127.0.0.1", 0, application, handler_class=QuietHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def nothing_pending():
    store.local_buffer.take()
    yield
    store.local_buffer.take()


@pytest.fixture
def guide():
    return ArticlePage.objects.get(url_path__endswith=ARTICLE_URL.removeprefix("/guides"))


def send(server, fields=None, body=None, method="POST", **headers):
    """(status, headers, body text) of a request to /views/: the fields in the query string
    as page-view.js sends them, or a form-encoded body as older pages' scripts did."""
    query = f"?{urlencode(fields)}" if fields is not None else ""
    data = urlencode(body).encode() if isinstance(body, dict) else body
    request = urllib.request.Request(
        f"{server}/views/{query}",
        data=(data or b"") if method == "POST" else None,
        method=method,
        headers={
            "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
            "User-Agent": BROWSER_AGENT,
            **headers,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_a_beacon_is_counted_with_no_cookie_and_no_session(server, guide):
    for _ in range(3):
        status, headers, body = send(server, {"p": ARTICLE_URL, "d": "t", "r": "bing.com"})
        assert (status, body) == (204, "")
        assert headers["Cache-Control"] == "no-store"
        assert "Set-Cookie" not in headers
    assert send(server, body={"p": ARTICLE_URL, "d": "t", "r": "bing.com"})[0] == 204  # older
    assert flush_page_views() == 4
    assert views_of(guide, device="tablet", referrer_host="bing.com") == 4


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-GPC": "1"},
        {"DNT": "1"},
        {"Sec-Purpose": "prefetch"},
        {"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
        {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/156.0.0.0 Safari/537.36"},
    ],
    ids=["gpc", "dnt", "prefetch", "googlebot", "headless"],
)
def test_the_same_views_are_left_uncounted(server, guide, headers):
    status, _, _ = send(server, {"p": ARTICLE_URL, "d": "d"}, **headers)
    assert status == 204  # the browser learns nothing either way
    flush_page_views()
    assert views_of(guide) == 0


def test_bad_beacons_get_the_same_4xx_answers(server):
    status, headers, body = send(server, {"p": "guides/x/", "d": "d"})
    assert status == 400
    assert "p (the page) must be a path" in body
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, headers, body = send(server, {}, method="GET")
    assert (status, headers["Allow"]) == (405, "POST")
    assert send(server, body={"p": "/guides/", "s": "x" * 5000})[0] == 413
    assert send(server, body=b"p=/x/", **{"Content-Type": "text/plain"})[0] == 400
    status, _, body = send(server, {"p": "/guides/\x00/", "d": "d"})  # past Django's NUL check
    assert (status, body) == (400, "p must not contain control characters.")
    assert flush_page_views() == 0


def test_every_other_address_is_the_site_itself(server):
    with urllib.request.urlopen(f"{server}/healthz", timeout=10) as response:  # noqa: S310
        assert response.status == 200
    request = urllib.request.Request(
        f"{server}/views/elsewhere/", data=b"p=/", headers={"User-Agent": BROWSER_AGENT}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)  # noqa: S310
    assert refused.value.code in (403, 404)  # Django's answer (CSRF or no such page), not ours
