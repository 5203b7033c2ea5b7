import sys

from django.db import connection
from django.db.utils import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# Seconds a visitor (or a crawler) is asked to wait while the database is unreachable.
RETRY_AFTER_SECONDS = 30


@never_cache
@require_GET
def healthz(request):
    """For load balancers and uptime checks: is the database answering?"""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def error_page(name, status, context=None):
    """An error page that renders with the database down and reads nothing of the request
    (a request that broke the site may break it again): no request, no context processors."""
    html = render_to_string(name, context or {})
    response = HttpResponse(html, status=status, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    """400: a request Django cannot read (a form in an unknown charset, a NUL byte)."""
    return error_page("400.html", 400)


def database_unavailable(request):
    """503 while the database is unreachable (a restart, a failover): the visitor is told
    it is brief, and anyone who was sending a form that nothing was saved."""
    posted = getattr(request, "method", "GET") == "POST"
    response = error_page("503.html", 503, {"posted": posted})
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def is_database_unavailable(error):
    """A lost or refused connection, or a server shutting down: worth a retry in a moment."""
    return isinstance(error, (OperationalError, InterfaceError))


def server_error(request):
    """500, or 503 when the cause is the database being unreachable. Django calls this
    while handling the exception, so the exception is at hand."""
    if is_database_unavailable(sys.exc_info()[1]):
        return database_unavailable(request)
    return error_page("500.html", 500)
