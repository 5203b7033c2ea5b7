"""The Health Check e-mails: who gets which, with what subject, body and invite.

Every message of one delivery has the same Message-ID, so a copy sent again after a worker
died mid-send is recognisable (and de-duplicated by most mail clients) as the same message.
"""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from apiwise.outbox import PermanentFailure, message_id
from bookings.booking_story import story_of
from bookings.outbox import EmailKind, booking_of

SUBJECTS = {
    EmailKind.CONFIRMATION: "Your Integration Health Check request ({ref})",
    # The confirmation of a call with a time says so, with the time (bookings/booking_story.py).
    "booked": "Booked: your Health Check call on {slot} ({ref})",
    EmailKind.STAFF: "Health Check request: {company} ({ref}), {status}",
    EmailKind.CANCELLATION: "Your Health Check booking is cancelled ({ref})",
    EmailKind.RESCHEDULE: "Your Health Check has a new time ({ref})",
    EmailKind.REMINDER: "Reminder: your Health Check call is on {slot} ({ref})",
}


def subject_for(kind, story):
    if kind == EmailKind.CONFIRMATION and story.booked:
        return SUBJECTS["booked"]
    return SUBJECTS[kind]


def site_context():
    from wagtail.models import Site

    from apiwise.models import SiteSettings
    from bookings.models.page import HealthCheckPage

    site = Site.objects.filter(is_default_site=True).first()
    site_settings = SiteSettings.for_site(site) if site else None
    page = HealthCheckPage.objects.live().first()
    return site, site_settings, page


def staff_recipients(site_settings):
    if settings.BOOKINGS_STAFF_EMAILS:
        return list(settings.BOOKINGS_STAFF_EMAILS)
    if site_settings and site_settings.contact_email:
        return [site_settings.contact_email]
    return [parseaddr(settings.DEFAULT_FROM_EMAIL)[1]]


def build_message(delivery):
    from bookings import links
    from bookings.ics import invite

    booking = booking_of(delivery)
    if booking is None:
        raise PermanentFailure("The e-mail is about no Health Check request.")
    if not booking.email:
        raise PermanentFailure("The request has no e-mail address (anonymised).")
    site, site_settings, page = site_context()
    organisation = site_settings.organisation_name if site_settings else "APIwise"
    from_address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    context = {
        "booking": booking,
        "organisation": organisation,
        "page": page,
        "contact_email": site_settings.contact_email if site_settings else "",
        "link_days": settings.BOOKINGS_MANAGE_LINK_DAYS,
        "manage_url": (
            links.page_url(page, "manage", links.manage_token(booking), absolute=True)
            if page
            else ""
        ),
        "page_url": page.get_full_url() if page else "",
        "meeting_url": booking.meeting_url(),
        "admin_url": links.admin_url(booking),
    }
    context["story"] = story_of(booking, organisation, meeting_url=context["meeting_url"])
    kind = delivery.kind
    template = f"bookings/email/{kind}"
    subject = subject_for(kind, context["story"]).format(
        ref=booking.reference,
        company=booking.company,
        status=booking.get_status_display(),
        slot=booking.slot_label(),
    )
    if kind == EmailKind.STAFF:
        to = staff_recipients(site_settings)
        reply_to = [booking.email]
    else:
        to = [booking.email]
        reply_to = (
            [site_settings.contact_email] if site_settings and site_settings.contact_email else []
        )
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string(f"{template}.txt", context),
        from_email=formataddr((organisation, from_address)),
        to=to,
        reply_to=reply_to,
        headers={
            "X-Booking-Reference": booking.reference,
            "Message-ID": message_id(
                delivery, from_address, owner=f"booking-{booking.reference.lower()}-"
            ),
        },
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    if booking.slot_start and kind in (
        EmailKind.CONFIRMATION,
        EmailKind.RESCHEDULE,
    ):
        domain = site.hostname if site else "apiwise.example"
        sequence = booking.deliveries.filter(kind=EmailKind.RESCHEDULE).count()
        message.attach(
            "health-check.ics",
            invite(
                booking,
                organisation,
                domain,
                context["page_url"],
                sequence,
                meeting_url=context["meeting_url"],
            ),
            "text/calendar",
        )
    return message
