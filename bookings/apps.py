from django.apps import AppConfig
from django.db.models.signals import pre_delete


class BookingsConfig(AppConfig):
    name = "bookings"
    verbose_name = "Health Check bookings"

    def ready(self):
        # Listed by `manage.py check --tag launch` and on the superusers' dashboard.
        import bookings.launch_checks  # noqa: F401
        from apiwise import email_kinds, service_listing
        from apiwise.content_cache import SLOTS, register_public_model
        from bookings.emails import build_message
        from bookings.models import (
            AvailabilityWindow,
            BlockedDate,
            Booking,
            BookingSettings,
            Testimonial,
        )
        from bookings.models.page import health_check_services
        from bookings.outbox import EmailKind, delete_emails_of
        from bookings.reminders import still_wanted

        # The e-mails about a booking are written when sent, from the booking as it is then; a
        # reminder whose call was cancelled or moved is skipped. The digest is sent as rendered.
        for kind in EmailKind:
            build = None if kind == EmailKind.DIGEST else build_message
            wanted = still_wanted if kind == EmailKind.REMINDER else None
            email_kinds.register(kind, kind.label, build=build, still_wanted=wanted)
        pre_delete.connect(delete_emails_of, sender=Booking, dispatch_uid="booking_emails")
        # The free slots, shown by the Health Check page's slot picker alone. A new request
        # that holds no slot (spam, or one without a time) frees or takes none.
        register_public_model(
            Booking, SLOTS, changes_pages=lambda booking, created: booking.holds_slot or not created
        )
        for model in (AvailabilityWindow, BlockedDate, BookingSettings):
            register_public_model(model, SLOTS)
        # The /services/ listing shows the Health Check page itself, first.
        service_listing.register(health_check_services)
        # Shown on the Health Check page once published.
        register_public_model(Testimonial)
