from django.apps import AppConfig


class BookingsConfig(AppConfig):
    name = "bookings"
    verbose_name = "Health Check bookings"

    def ready(self):
        # Listed by `manage.py check --tag launch` and on the superusers' dashboard.
        import bookings.launch_checks  # noqa: F401
        from apiwise import outbox
        from apiwise.content_cache import SLOTS, register_public_model
        from apiwise.models import EmailDelivery
        from bookings.emails import build_message
        from bookings.models import (
            AvailabilityWindow,
            BlockedDate,
            Booking,
            BookingSettings,
            CaseStudy,
            Testimonial,
        )
        from bookings.reminders import still_wanted

        # The e-mails about a booking are written when sent, from the booking as it is then; a
        # reminder whose call was cancelled or moved is skipped.
        Kind = EmailDelivery.Kind
        for kind in (Kind.CONFIRMATION, Kind.STAFF, Kind.CANCELLATION, Kind.RESCHEDULE):
            outbox.register_kind(kind, build=build_message)
        outbox.register_kind(Kind.REMINDER, build=build_message, still_wanted=still_wanted)
        # The free slots, shown by the Health Check page's slot picker alone. A new request
        # that holds no slot (spam, or one without a time) frees or takes none.
        register_public_model(
            Booking, SLOTS, changes_pages=lambda booking, created: booking.holds_slot or not created
        )
        for model in (AvailabilityWindow, BlockedDate, BookingSettings):
            register_public_model(model, SLOTS)
        # Shown on the Health Check page once published.
        register_public_model(Testimonial)
        register_public_model(CaseStudy)
