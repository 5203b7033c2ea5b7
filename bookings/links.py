"""Signed references for the confirmation page and the prospect's cancel/reschedule link.

Wagtail serves page paths made of [A-Za-z0-9_-] segments only, so the signed value (which
contains ':') travels base64url-encoded.
"""

import base64
import binascii
import datetime as dt

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "bookings.confirmation"
MANAGE_SALT = "bookings.manage"


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


def confirmation_token(booking):
    return _encode(signing.dumps(booking.reference, salt=CONFIRM_SALT))


def manage_token(booking):
    return _encode(signing.dumps(booking.reference, salt=MANAGE_SALT))


def _booking_for(token, salt, days):
    from bookings.models import Booking

    try:
        reference = signing.loads(_decode(token), salt=salt, max_age=dt.timedelta(days=days))
    except signing.BadSignature:
        return None
    return Booking.objects.filter(reference=str(reference), anonymised_at__isnull=True).first()


def booking_for_confirmation(token):
    return _booking_for(token, CONFIRM_SALT, settings.BOOKINGS_CONFIRMATION_LINK_DAYS)


def booking_for_manage(token):
    return _booking_for(token, MANAGE_SALT, settings.BOOKINGS_MANAGE_LINK_DAYS)


def page_url(page, route, token, absolute=False):
    base = page.get_full_url() if absolute else page.url
    return base + page.reverse_subpage(route, args=[token])
