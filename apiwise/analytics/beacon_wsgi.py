"""The page-view beacon answered in front of Django: production's fast path for POST /views/.

gunicorn hands every request to `apiwise.wsgi.application`, which is this wrapper around
Django's handler. A beacon goes straight to `beacon.receive` (the same checks and the same
counter as the middleware that `make run` and the tests go through); everything else goes to
Django. Skipped for a beacon: the middleware stack, the request signals (which also look at
the database connection) and URL resolution, about a third of a beacon's time in Python.

Behind the project's Varnish only the beacons it does not answer itself arrive here (an older
page's form body, a malformed one); it stays for a site served by gunicorn without Varnish,
where every beacon comes this way.
"""

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest

from apiwise.analytics.beacon import BEACON_PATH, receive


class BeaconFirst:
    def __init__(self, django_application):
        self.django_application = django_application

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != BEACON_PATH or not settings.PAGE_VIEWS_ENABLED:
            return self.django_application(environ, start_response)
        response = receive(WSGIRequest(environ))
        # The one header of SecurityMiddleware's that matters for a short text answer.
        headers = [*response.items(), ("X-Content-Type-Options", "nosniff")]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        return [response.content]
