"""Anonymous page views from a cache, and the Cache-Control every public page sends.

- A GET from a visitor without a session (no editor, no booking in progress) is answered from
  the cache when the page is there: no database, no template. The cache is Django's default
  (Redis in production, shared by every server process; local memory under `make run`), and
  its keys carry the content version (apiwise/content_cache.py), so publishing, unpublishing,
  moving or deleting a page, or changing the settings, menus, authors or topics, serves fresh
  pages at once. A page that shows more than content says so (`mark_versions`: the Health
  Check page shows the free slots), and its stored copy is used only while those versions
  are unchanged: a booking refreshes that page and leaves every guide cached.
- Public pages say so to shared caches (Varnish, a CDN) and browsers:
  `public, max-age=…, s-maxage=…, stale-while-revalidate=…`. Anything personal (the admin,
  previews, the booking confirmation, a signed manage link, any response that sets a cookie or
  touched the session) is `private, no-store`, and never stored here.
- A page with a form keeps its per-visitor values out of the shared copy: the view names the
  hidden inputs that are the visitor's own ("holes": the CSRF token, the form's submission
  token, start time and where the visitor came from) with the functions that make fresh ones;
  the cache stores the page with placeholders and fills them in for each visitor. Such a page
  is private to shared caches (it comes with the visitor's CSRF cookie), and fast.
- A copy is stored per host, path and the query parameters the page reads
  (apiwise/query_params.py): `?utm_source=…`, `?gclid=…` or `?x=<random>` on a guide is served
  the guide's one copy, never a new one. Which parameters a path reads is learned from its
  stored response and kept beside it (`_reads_key`), since the page is only known once served.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.html import escape
from django.utils.module_loading import import_string

from apiwise.content_cache import content_version, version
from apiwise.query_params import address_key, declared_query

HOLE = "\x00hole:{}\x00"  # a NUL never occurs in a page (the site refuses it in requests)
# /calendar/: each Sales user's private feed, which must stop the moment it is revoked.
SKIP_PREFIXES = ("/admin/", "/documents/", "/healthz", "/static/", "/media/", "/calendar/")
# The page-view beacon (apiwise/analytics/beacon.py): every one must reach the counter.
SKIP_PREFIXES += ("/views/",)
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Security-Policy",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Content-Type-Options",
)


def mark_holes(response, **holes):
    """For a view: these hidden inputs hold the visitor's own values. `holes` maps an input's
    name to the dotted path of a function(request) that makes a fresh value, or of a
    function(request, argument) followed by ":argument"."""
    response.page_cache_holes = holes
    return response


def _make(maker, request):
    """A hole's fresh value: "module.function" is called with the request,
    "module.function:argument" with the request and the argument."""
    path, _, argument = maker.partition(":")
    function = import_string(path)
    return function(request, argument) if argument else function(request)


def mark_versions(response, *names):
    """For a view: the page shows more than content (e.g. "slots"), and its stored copy is
    stale once any of these versions moves on."""
    response.page_cache_versions = names
    return response


def _is_current(frozen):
    return all(version(name) == seen for name, seen in frozen.get("versions", {}).items())


def _input_value(name):
    # Django leaves out the value attribute of an empty hidden input: a hole is made either way.
    return re.compile(rf'name="{re.escape(name)}"(?: value="[^"]*")?')


def _is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_ENABLED
        # HEAD is GET without the body (the server drops it): CDNs and link checkers use it,
        # and it must carry GET's headers.
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_dummy", False)  # Wagtail's previews
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(SKIP_PREFIXES)
    )


def _key(request, reads):
    return f"page:{content_version()}:{address_key(request, reads)}"


def _reads_key(request):
    """Where the query parameters this path's page reads are kept."""
    path = hashlib.sha256(f"{request.get_host()}{request.path}".encode()).hexdigest()
    return f"page-reads:{content_version()}:{path}"


def _lookup(request):
    """The stored copy for this request, if any. An address without a query string needs no
    parameter list (one cache read); one with a query string needs its path's (two)."""
    if not request.GET:
        return cache.get(_key(request, ()))
    reads = cache.get(_reads_key(request))
    return None if reads is None else cache.get(_key(request, reads))


def _marked_private(response):
    control = response.get("Cache-Control", "")
    return any(word in control for word in ("private", "no-store", "no-cache", "max-age=0"))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            response = self.get_response(request)
            self._private_unless_marked(response)
            return response
        frozen = _lookup(request)
        if frozen is not None and _is_current(frozen):
            response = self._thaw(request, frozen)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        holes = getattr(response, "page_cache_holes", None)
        storable = self._storable(request, response, holes)
        if storable:
            timeout = settings.PAGE_CACHE_FORM_SECONDS if holes else settings.PAGE_CACHE_SECONDS
            versions = getattr(response, "page_cache_versions", ())
            reads = declared_query(request)
            frozen = self._freeze(response, holes, versions)
            cache.set_many({_reads_key(request): reads, _key(request, reads): frozen}, timeout)
            response["X-Page-Cache"] = "miss"
        if holes:
            patch_cache_control(response, private=True, no_cache=True)
        elif storable:
            self._public(response)
        self._private_unless_marked(response)
        return response

    @staticmethod
    def _storable(request, response, holes):
        if response.status_code != 200 or response.streaming or _marked_private(response):
            return False
        # Without a session cookie the session is empty: reading it (Wagtail's user bar asks
        # who the visitor is) changes nothing on the page; writing to it would.
        if getattr(request, "session", None) is not None and request.session.modified:
            return False
        # The only cookie a stored page may have set is the CSRF one, which holes refill.
        cookies = set(response.cookies) - ({settings.CSRF_COOKIE_NAME} if holes else set())
        return not cookies

    @staticmethod
    def _public(response):
        patch_cache_control(
            response,
            public=True,
            max_age=settings.CACHE_CONTROL_MAX_AGE,
            s_maxage=settings.CACHE_CONTROL_S_MAXAGE,
            stale_while_revalidate=settings.CACHE_CONTROL_STALE_WHILE_REVALIDATE,
        )

    @staticmethod
    def _private_unless_marked(response):
        if "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_store=True)

    @staticmethod
    def _freeze(response, holes, versions):
        body = response.content.decode(response.charset)
        makers = {}
        for name, maker in (holes or {}).items():
            hole = f'name="{name}" value="{HOLE.format(name)}"'
            body = _input_value(name).sub(lambda match, hole=hole: hole, body)
            makers[name] = maker
        headers = {name: response[name] for name in KEPT_HEADERS if name in response}
        # Read after rendering: a change during the render makes the copy stale, never current.
        seen = {name: version(name) for name in versions}
        return {"body": body, "headers": headers, "makers": makers, "versions": seen}

    @staticmethod
    def _thaw(request, frozen):
        body = frozen["body"]
        for name, maker in frozen["makers"].items():
            value = escape(str(_make(maker, request)))
            body = body.replace(HOLE.format(name), value)
        response = HttpResponse(body, headers=frozen["headers"])
        if frozen["makers"]:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            PageCacheMiddleware._public(response)
        return response
