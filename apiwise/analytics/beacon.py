"""The page-view beacon's endpoint: POST /views/ answers 204 and counts the view, or not.

It is a middleware ahead of sessions, CSRF, authentication and the page cache, so a beacon
never has a session, never sets a cookie and costs little more than the counter itself (the
bench sends 1,000 a second). What arrives is already reduced by the script: the page's path,
the host of another site that linked to it, the path of this site's page read before it, the
landing page's utm_source/medium/campaign and a device class. No address, user agent or
identifier is kept; the user agent and headers are read only to decide whether to count.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone

from apiwise.analytics import store
from apiwise.models.page_views import Device

BEACON_PATH = "/views/"
MAX_BODY_BYTES = 2048
DEVICES = {"m": Device.MOBILE, "t": Device.TABLET, "d": Device.DESKTOP}
HOST = re.compile(r"^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$")
# Crawlers, link previews, uptime checks and headless browsers (Lighthouse, scrapers) run
# the script too; none of them is a reader.
BOT_AGENT = re.compile(
    r"bot|crawl|spider|slurp|preview|fetch|scan|monitor|headless|lighthouse|phantom|python|"
    r"curl|wget|httpclient|okhttp|java/|go-http|node-fetch|axios",
    re.IGNORECASE,
)


class BadBeacon(ValueError):
    pass


@dataclass(frozen=True)
class PageView:
    path: str
    referrer_host: str = ""
    previous_path: str = ""
    utm_source: str = ""
    utm_medium: str = ""
    utm_campaign: str = ""
    device: str = Device.DESKTOP


def _local_path(value, name):
    if not value:
        return ""
    if len(value) > 255 or not value.startswith("/") or value.startswith("//"):
        raise BadBeacon(f"{name} must be a path on this site of at most 255 characters.")
    return value if value.endswith("/") else value + "/"


def _text(data, name, limit=100):
    value = data.get(name, "").strip()
    if len(value) > limit:
        raise BadBeacon(f"{name} must be at most {limit} characters.")
    return value.lower()


def parse(data):
    """A PageView from the beacon's form fields, or BadBeacon saying what is wrong."""
    path = _local_path(data.get("p", ""), "p (the page)")
    if not path:
        raise BadBeacon("p (the page's path) is required.")
    host = data.get("r", "").strip().lower().removeprefix("www.")
    if host and not HOST.match(host):
        raise BadBeacon("r must be the referring site's host name, nothing more.")
    device = DEVICES.get(data.get("d", "d"))
    if device is None:
        raise BadBeacon("d must be m, t or d (the device class).")
    return PageView(
        path=path,
        referrer_host=host,
        previous_path=_local_path(data.get("f", ""), "f (the previous page)"),
        utm_source=_text(data, "s"),
        utm_medium=_text(data, "m"),
        utm_campaign=_text(data, "c"),
        device=device,
    )


def wants_no_tracking(request):
    """Global Privacy Control or Do Not Track: the browser asked not to be counted."""
    return request.headers.get("Sec-GPC") == "1" or request.headers.get("DNT") == "1"


def is_speculative(request):
    """A prefetch or prerender (the reader may never look), or a link preview."""
    purpose = " ".join(
        request.headers.get(name, "") for name in ("Sec-Purpose", "Purpose", "X-Purpose", "X-Moz")
    ).lower()
    return "prefetch" in purpose or "prerender" in purpose or "preview" in purpose


def is_bot(request):
    agent = request.headers.get("User-Agent", "")
    return not agent or bool(BOT_AGENT.search(agent))


def _no_content():
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response


def receive(request):
    if request.method != "POST":
        response = HttpResponse("Page views are sent with POST.", status=405)
        response["Allow"] = "POST"
        return response
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        return HttpResponseBadRequest("Content-Length must be a number.")
    if length > MAX_BODY_BYTES:
        return HttpResponse("A page view is a few hundred bytes at most.", status=413)
    try:
        view = parse(request.POST)
    except BadBeacon as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain")
    if not (wants_no_tracking(request) or is_speculative(request) or is_bot(request)):
        store.count(view, timezone.localdate())
    return _no_content()


class PageViewBeaconMiddleware:
    """Answers the beacon before anything that could start a session or read the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == BEACON_PATH and settings.PAGE_VIEWS_ENABLED:
            return receive(request)
        return self.get_response(request)
