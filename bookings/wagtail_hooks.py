"""Wagtail admin for bookings: log actions, the Health Check requests viewset, availability."""

from wagtail import hooks


@hooks.register("register_log_actions")
def register_booking_log_actions(actions):
    actions.register_action("bookings.status_change", "Change status", "Changed status")
    actions.register_action(
        "bookings.cancelled_by_prospect", "Cancelled by prospect", "Cancelled by the prospect"
    )
    actions.register_action(
        "bookings.rescheduled_by_prospect", "Rescheduled by prospect", "Rescheduled by the prospect"
    )
    actions.register_action("bookings.notes", "Edit notes", "Edited staff notes")
    actions.register_action("bookings.resend", "Resend e-mail", "Resent an e-mail")
    actions.register_action(
        "bookings.export_personal_data", "Export data", "Exported personal data"
    )
    actions.register_action("bookings.erase", "Erase personal data", "Erased personal data")
