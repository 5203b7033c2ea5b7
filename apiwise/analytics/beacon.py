"""The page-view beacon: which ones count (the one home of the rules) and Django's endpoint.

What arrives is already reduced by the script: the page's path, the host of another site that
linked to it, the path of this site's page read before it, the landing page's
utm_source/medium/campaign and a device class, in the query string (POST /views/?p=...; the
form body of older cached pages' scripts is read too). No address, user agent or identifier
is kept; the headers in DECIDING_HEADERS are read only to decide whether to count.

Two callers share the rules: `parse` on the fields and `should_count` on the headers, each a
plain mapping. In production Varnish answers a well-formed beacon itself and
`varnish_counter.py` counts it from Varnish's log; everywhere else (`make run`, a site without
Varnish, a beacon Varnish does not recognise) this endpoint answers: a middleware ahead of
sessions, CSRF, authentication and the page cache, so a beacon never has a session or a cookie.
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
# The request headers that decide whether a view counts: nothing else about the visitor is
# read, and Varnish's log is asked for these alone.
DECIDING_HEADERS = ("Sec-GPC", "DNT", "Sec-Purpose", "Purpose", "X-Purpose", "X-Moz", "User-Agent")
FIELDS = ("p", "r", "f", "s", "m", "c", "d")
# A NUL or other control character has no place in any field, and PostgreSQL refuses NUL in
# text: the flush must never meet one.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
HOST = re.compile(r"^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$")
# Crawlers, link previews, uptime checks and headless browsers (Lighthouse, scrapers) run
# the script too; none of them is a reader. Matched against the lower-cased agent (6 times
# quicker than re.IGNORECASE, measured).
BOT_AGENT = re.compile(
    r"bot|crawl|spider|slurp|preview|fetch|scan|monitor|headless|lighthouse|phantom|python|"
    r"curl|wget|httpclient|okhttp|java/|go-http|node-fetch|axios",
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
    """A PageView from the beacon's fields (a mapping: the query string, the form body or a
    line of Varnish's log), or BadBeacon saying what is wrong."""
    for name in FIELDS:
        if CONTROL.search(data.get(name, "")):
            raise BadBeacon(f"{name} must not contain control characters.")
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


# Each takes the request's headers as a mapping: request.headers, or the named headers of a
# line of Varnish's log (an absent header is missing or "").


def wants_no_tracking(headers):
    """Global Privacy Control or Do Not Track: the browser asked not to be counted."""
    return headers.get("Sec-GPC") == "1" or headers.get("DNT") == "1"


def is_speculative(headers):
    """A prefetch or prerender (the reader may never look), or a link preview."""
    purpose = " ".join(
        headers.get(name) or "" for name in ("Sec-Purpose", "Purpose", "X-Purpose", "X-Moz")
    ).lower()
    return "prefetch" in purpose or "prerender" in purpose or "preview" in purpose


def is_bot(headers):
    agent = headers.get("User-Agent") or ""
    return not agent or bool(BOT_AGENT.search(agent.lower()))


def should_count(headers):
    return not (wants_no_tracking(headers) or is_speculative(headers) or is_bot(headers))


def fields_of(request):
    """The beacon's fields: the query string (page-view.js), else the form body (the script
    of a page cached before the change)."""
    return request.GET if "p" in request.GET else request.POST


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
        view = parse(fields_of(request))
    except BadBeacon as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain")
    if should_count(request.headers):
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
