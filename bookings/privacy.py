"""UK GDPR: retention, subject access export and erasure for Health Check requests.

Logs never contain the personal data itself: only references and counts.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from bookings.models.booking import Booking, Status

ERASED = "(erased)"


def bookings_for(email):
    return Booking.objects.filter(email__iexact=email.strip()).prefetch_related(
        "systems", "deliveries"
    )


def export(email, user=None):
    """Everything held about one e-mail address, as JSON-ready data."""
    records = []
    for booking in bookings_for(email):
        records.append(
            {
                "reference": booking.reference,
                "status": booking.status,
                "created_at": booking.created_at.isoformat(),
                "name": booking.name,
                "email": booking.email,
                "company": booking.company,
                "phone": booking.phone,
                "role": booking.role,
                "systems": [topic.name for topic in booking.systems.all()],
                "systems_other": booking.systems_other,
                "problem": booking.problem,
                "volume": booking.get_volume_display(),
                "slot": booking.slot_label(),
                "marketing_opt_in": booking.marketing_opt_in,
                "marketing_opt_in_text": booking.marketing_opt_in_text,
                "marketing_opt_in_at": (
                    booking.marketing_opt_in_at.isoformat() if booking.marketing_opt_in_at else None
                ),
                "source_page": booking.source_page,
                "utm": booking.utm,
                "staff_notes": booking.staff_notes,
                "emails": [
                    {
                        "kind": d.get_kind_display(),
                        "state": d.state,
                        "sent_at": d.sent_at.isoformat() if d.sent_at else None,
                    }
                    for d in booking.deliveries.all()
                ],
            }
        )
        log(instance=booking, action="bookings.export_personal_data", user=user)
    return {"exported_at": timezone.now().isoformat(), "requests": records}


def anonymise(booking):
    booking.name = ERASED
    booking.email = ""
    booking.company = ERASED
    booking.phone = ""
    booking.role = ""
    booking.systems_other = ""
    booking.problem = ERASED
    booking.staff_notes = ""
    booking.utm = {}
    booking.source_page = ""
    booking.marketing_opt_in = False
    booking.marketing_opt_in_text = ""
    booking.marketing_opt_in_at = None
    booking.anonymised_at = timezone.now()
    booking.save()
    booking.systems.clear()
    booking.deliveries.all().delete()
    booking.webhook_events.all().delete()  # their payloads hold the same personal data


def erase(email, user=None):
    """Erase the personal data of every request from this address. Returns how many."""
    count = 0
    with transaction.atomic():
        for booking in bookings_for(email).select_for_update(of=("self",)):
            anonymise(booking)
            log(instance=booking, action="bookings.erase", user=user, data={"reason": "request"})
            count += 1
    return count


def purge(now=None):
    """Delete spam after BOOKINGS_SPAM_RETENTION_DAYS; anonymise requests that did not become
    clients after BOOKINGS_ANONYMISE_AFTER_DAYS. Returns (deleted, anonymised)."""
    now = now or timezone.now()
    spam_cutoff = now - dt.timedelta(days=settings.BOOKINGS_SPAM_RETENTION_DAYS)
    old_cutoff = now - dt.timedelta(days=settings.BOOKINGS_ANONYMISE_AFTER_DAYS)
    with transaction.atomic():
        deleted, _ = Booking.objects.filter(status=Status.SPAM, created_at__lt=spam_cutoff).delete()
        anonymised = 0
        stale = Booking.objects.filter(
            created_at__lt=old_cutoff, anonymised_at__isnull=True
        ).exclude(Q(status__in=[Status.COMPLETED, Status.SPAM]) | Q(became_client=True))
        for booking in stale.select_for_update():
            anonymise(booking)
            log(instance=booking, action="bookings.erase", data={"reason": "retention"})
            anonymised += 1
    return deleted, anonymised
