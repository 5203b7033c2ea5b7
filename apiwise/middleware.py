import contextlib

from django.conf import settings
from django.db import DatabaseError
from django.middleware.csp import get_nonce
from django.utils.csp import CSP, build_policy

from apiwise.content_cache import site_for_request
from apiwise.csp import PREVIEW_CSP
from apiwise.views import bad_request


class PermissionsPolicyMiddleware:
    """Django has settings for most security headers but not Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class PreviewFramingMiddleware:
    """Every preview (any page type, routable pages included) keeps the public policy but may
    be framed by the admin, which shows it in its preview panel.

    Wagtail renders a preview by running the middleware chain around `serve_preview` and
    marks the request `is_preview`, so this is the one place that sees every preview. It sits
    inside the CSP and X-Frame-Options middleware, which leave headers already set alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            response.headers[str(CSP.HEADER_ENFORCE)] = build_policy(
                PREVIEW_CSP, get_nonce(request)
            )
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        return response


class RejectNullBytesMiddleware:
    """A NUL byte has no business in an address or a query parameter, and PostgreSQL refuses
    it in text (a DataError, so a 500, wherever one reached a query). Refuse it at the door:
    400, before anything looks it up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return bad_request(request)
        return self.get_response(request)


class CachedSiteMiddleware:
    """Hands Wagtail the request's Site (and root page) from the content cache, where it
    would otherwise look them up on every request (Site.find_for_request reads
    `request._wagtail_site` first)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a database, the view says what happens (/healthz answers 503).
        with contextlib.suppress(DatabaseError):
            request._wagtail_site = site_for_request(request)
        return self.get_response(request)
