"""More than one of everything, with real processes (see conftest.py): Varnish in front,
purged when an editor publishes; two web servers sharing PostgreSQL, Redis (page cache, rate
limit) and object storage (images); two workers sharing the outbox."""

import html
import http.cookiejar
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from collections import Counter

import pytest
import redis

from tests.helpers import ROOT, wait_until
from tests.system.conftest import wait_for_the_queue_to_empty
from tests.system.test_faults import Visitor

# Real processes on fixed resources (Redis database 14): one test process at a time.
pytestmark = [pytest.mark.system, pytest.mark.xdist_group("shared-services")]
GUIDE = "/guides/connect-stripe-to-xero/"


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.status, response.headers, response.read()


def manage_shell(site_env, code):
    """Run Python in the site's own settings, as a management command would."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=site_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def first_listed_guide(base):
    """The path of the first guide card on the guide index, as a visitor sees it."""
    listing = get(base + "/guides/")[2].decode()
    return re.search(r'class="card__link" href="([^"]+)"', listing).group(1)


def save_draft(site_env, path, summary):
    """An editor's new draft of the guide at `path`, not yet published. Returns the page id."""
    return int(
        manage_shell(
            site_env,
            "from blog.models import ArticlePage; "
            f"p = ArticlePage.objects.get(url_path__endswith={path!r}); "
            f"p.summary = {summary!r}; p.save_revision(); print(p.pk)",
        )
    )


def publish(site_env, path, summary):
    manage_shell(
        site_env,
        "from blog.models import ArticlePage; "
        f"p = ArticlePage.objects.get(url_path__endswith={path!r}); "
        f"p.summary = {summary!r}; p.save_revision().publish()",
    )


def test_varnish_serves_cached_guides_and_a_publish_reaches_the_next_visitor_in_a_second(
    site, varnish, site_env, start_worker
):
    start_worker()  # runs Wagtail's purge tasks
    guide = first_listed_guide(varnish)
    for path in (guide, "/guides/"):
        get(varnish + path)
        status, headers, _body = get(varnish + path)
        assert status == 200 and headers["X-Cache"] == "HIT", path
        assert "public" in headers["Cache-Control"]
    # Staff and personal pages pass straight through.
    _status, admin_headers, _ = get(varnish + "/admin/login/")
    _status, again, _ = get(varnish + "/admin/login/")
    assert again["X-Cache"] == "MISS" and "private" in admin_headers["Cache-Control"]

    summary = f"Freshly published {uuid.uuid4().hex[:8]}."
    publish(site_env, guide, summary)
    published = time.monotonic()
    wait_until(lambda: summary in get(varnish + guide)[2].decode(), timeout=5, interval=0.05)
    assert time.monotonic() - published <= 1.0
    # The index that lists it (cached a moment ago) was purged too.
    wait_until(lambda: summary in get(varnish + "/guides/")[2].decode(), timeout=1, interval=0.05)


class Staff:
    """A signed-in editor's browser, for the admin of one web server."""

    def __init__(self, base, username, password, recovery_code):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        page = self.fetch("/admin/login/")
        # The password leads to the second-factor page (superusers must use one).
        code_page = self.fetch(
            "/admin/login/",
            {"csrfmiddlewaretoken": self.csrf(page), "username": username, "password": password},
        )
        self.fetch(
            "/admin/two-factor/verify/",
            {"csrfmiddlewaretoken": self.csrf(code_page), "code": recovery_code},
        )

    def fetch(self, path, data=None, files=None):
        body, headers = None, {}
        if files:
            boundary = uuid.uuid4().hex
            body, headers = _multipart(data or {}, files, boundary)
        elif data is not None:
            body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        with self.opener.open(request, timeout=60) as response:
            return response.read().decode()

    @staticmethod
    def csrf(page):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def _multipart(fields, files, boundary):
    lines = []
    for name, value in fields.items():
        lines += [f"--{boundary}", f'Content-Disposition: form-data; name="{name}"', "", str(value)]
    body = "\r\n".join(lines).encode() + b"\r\n"
    for name, (filename, content, content_type) in files.items():
        body += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    body += f"--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def png_bytes():
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (1200, 630), "#0b3d5c").save(out, "PNG")
    return out.getvalue()


def test_two_web_servers_share_images_published_pages_and_the_rate_limit(
    site, second_site, site_env, object_storage, redis_url, start_worker
):
    start_worker()
    password = uuid.uuid4().hex
    manage_shell(
        site_env,
        "from django.contrib.auth import get_user_model; "
        f"u = get_user_model().objects.create_superuser('scale-editor', 'e@apiwise.example', {password!r}); "
        "u.staticdevice_set.create(name='Recovery codes').token_set.create(token='scalecode1')",
    )
    # An image uploaded through the first server…
    first = Staff(site, "scale-editor", password, recovery_code="scalecode1")
    form = first.fetch("/admin/images/add/")
    first.fetch(
        "/admin/images/add/",
        {"csrfmiddlewaretoken": Staff.csrf(form), "title": "Shared hero", "collection": "1"},
        files={"file": ("shared-hero.png", png_bytes(), "image/png")},
    )
    image_id = int(
        manage_shell(
            site_env,
            "from wagtail.images.models import Image; print(Image.objects.get(title='Shared hero').pk)",
        )
    )
    # …becomes the guide's hero, published through the first server's admin…
    page_id = save_draft(site_env, GUIDE, "A guide with a shared hero image.")
    manage_shell(
        site_env,
        "from blog.models import ArticlePage; "
        f"p = ArticlePage.objects.get(pk={page_id}).get_latest_revision_as_object(); "
        f"p.hero_image_id = {image_id}; p.hero_image_alt = 'A navy card'; p.save_revision()",
    )
    second_before = get(second_site + GUIDE)[2].decode()
    listing = first.fetch("/admin/pages/")
    first.fetch(
        f"/admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/pages/",
        {"csrfmiddlewaretoken": Staff.csrf(listing)},
    )
    # …and the second server serves the new version at once, with the image from storage.
    status, headers, body = get(second_site + GUIDE)
    page = body.decode()
    assert "A guide with a shared hero image." in page and page != second_before
    assert headers.get("X-Page-Cache") in ("miss", None)
    hero = re.search(r'<img[^>]*alt="A navy card"[^>]*>', page)
    assert hero, "the hero image is on the page"
    source = html.unescape(re.search(r'src="([^"]+)"', hero.group(0)).group(1))
    assert source.startswith("http://127.0.0.1:"), "served from object storage"
    image_status, image_headers, image_body = get(source)
    assert image_status == 200 and image_headers["Content-Type"].startswith("image/")
    assert len(image_body) > 100

    # The booking rate limit counts one visitor's posts to either server together.
    counter = redis.Redis.from_url(redis_url)
    counter.flushdb()
    for base in (site, second_site, site, second_site, site):
        assert Visitor(base).book()[0] == 303
    counts = {key: int(counter.get(key)) for key in counter.scan_iter("*bookings:rate:*")}
    assert list(counts.values()) == [5], counts


def test_two_workers_never_send_one_email_twice(site, cluster, smtp, start_worker):
    start_worker()
    wait_for_the_queue_to_empty(cluster)
    before = len(smtp.messages)
    start_worker()  # a second worker on the same queue
    tokens = {Visitor(site).book()[1] for _ in range(12)}
    assert len(tokens) == 12
    wait_for_the_queue_to_empty(cluster, timeout=120)
    received = Counter(smtp.message_ids()[before:])
    assert len(received) == 24 and set(received.values()) == {1}, received
