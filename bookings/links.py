"""Who may see a booking: the browser that sent it, and whoever holds the e-mailed link.

The confirmation page has a fixed address and shows a request only to the browser session that
sent it, so its address carries no secret and the page needs no noindex. The cancel/reschedule
link in the prospect's e-mail is signed; Wagtail serves page paths made of [A-Za-z0-9_-]
segments only, so the signed value (which contains ':') travels base64url-encoded.
"""

import base64
import binascii
import datetime as dt
import hashlib

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.urls import reverse

CONFIRM_SALT = "bookings.confirmation"
MANAGE_SALT = "bookings.manage"
SESSION_KEY = "bookings.confirmation"
BROWSER_MEMORY_SECONDS = 60 * 60


def _encode(signed):
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def _decode(token):
    token = str(token)
    if len(token) > 300:
        raise signing.BadSignature("too long")
    try:
        return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise signing.BadSignature("not base64") from error


def _booking_for(signed, salt, max_age):
    from bookings.models.booking import Booking

    try:
        reference = signing.loads(signed, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return Booking.objects.filter(reference=str(reference), anonymised_at__isnull=True).first()


def remember_for_confirmation(request, booking):
    # Signed with the time so that it expires on its own, however long the session lives.
    request.session[SESSION_KEY] = signing.dumps(booking.reference, salt=CONFIRM_SALT)


def _browser(request):
    """A digest of the browser's CSRF cookie: every request of one browser carries the same one
    (set when it was shown the form), another browser cannot know it."""
    cookie = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    return hashlib.sha256(f"{settings.SECRET_KEY}:{cookie}".encode()).hexdigest() if cookie else ""


def _browser_key(booking):
    return f"bookings:sent-from:{booking.submission_token}"


def remember_browser(request, booking):
    """Which browser sent this booking, for as long as a double click can arrive: its second
    submit may come before the first's answer gave the browser its session cookie."""
    browser = _browser(request)
    if browser:
        cache.set(_browser_key(booking), browser, BROWSER_MEMORY_SECONDS)


def sent_from_this_browser(request, booking):
    browser = _browser(request)
    return bool(browser) and cache.get(_browser_key(booking)) == browser


def booking_for_confirmation(request):
    signed = request.session.get(SESSION_KEY)
    if not signed:
        return None
    max_age = dt.timedelta(hours=settings.BOOKINGS_CONFIRMATION_HOURS)
    return _booking_for(signed, CONFIRM_SALT, max_age)


def manage_token(booking):
    return _encode(signing.dumps(booking.reference, salt=MANAGE_SALT))


def booking_for_manage(token):
    try:
        signed = _decode(token)
    except signing.BadSignature:
        return None
    max_age = dt.timedelta(days=settings.BOOKINGS_MANAGE_LINK_DAYS)
    return _booking_for(signed, MANAGE_SALT, max_age)


def page_url(page, route, *args, absolute=False):
    base = page.get_full_url() if absolute else page.url
    return base + page.reverse_subpage(route, args=args)


def admin_url(booking):
    """The request's page in the admin, as an absolute address for e-mails and calendars."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "bookings_requests:inspect", args=[booking.pk]
    )
