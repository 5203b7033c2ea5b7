"""Wagtail admin for bookings: log actions, the Health Check requests viewset, availability."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from blog.models.guide import GUIDE_EDITOR_PANELS
from bookings import admin_views, calendar_feed, calendar_views, report_views
from bookings.dashboard import GuideReadingPanel
from bookings.models.availability import AvailabilityWindow, BlockedDate
from bookings.models.booking import Booking
from bookings.panels import GuideBookingsPanel
from bookings.webhook_admin import WebhookEndpointViewSet


@hooks.register(GUIDE_EDITOR_PANELS)
def guide_bookings_panel():
    return [GuideBookingsPanel(heading="Health Check requests from this guide")]


@hooks.register("construct_homepage_panels")
def guide_reading_panel(request, panels):
    # For anyone who edits pages: which guides are read, and which lead to requests.
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(GuideReadingPanel(request))


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
    actions.register_action("bookings.outcome", "Record outcome", "Recorded the outcome")
    actions.register_action("bookings.resend", "Resend e-mail", "Resent an e-mail")
    actions.register_action(
        "bookings.export_personal_data", "Export data", "Exported personal data"
    )
    actions.register_action("bookings.erase", "Erase personal data", "Erased personal data")


# --- Viewsets -------------------------------------------------------------------------------


class BookingViewSet(ModelViewSet):
    model = Booking
    name = "bookings_requests"
    url_prefix = "bookings/requests"
    menu_label = "Health Check requests"
    icon = "mail"
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = admin_views.BookingIndexView
    edit_view_class = admin_views.BookingEditView
    inspect_view_class = admin_views.BookingInspectView
    form_fields = ["status", "meeting_link", "staff_notes", "became_client", "won_value"]
    list_display = [
        "reference",
        "status",
        "name",
        "company",
        "systems_list",
        "slot_label",
        "created_at",
        "source_page",
    ]
    filterset_class = admin_views.BookingFilterSet
    search_fields = ["name", "email", "company"]
    search_backend_name = None  # plain database search, no index of personal data
    list_export = [
        "reference",
        "status",
        "created_at",
        "name",
        "email",
        "company",
        "phone",
        "role",
        "systems_list",
        "problem",
        "volume",
        "slot_label",
        "source_page",
        "utm",
        "marketing_opt_in",
        "marketing_opt_in_text",
        "staff_notes",
        "became_client",
        "won_value",
    ]
    export_headings = {"systems_list": "Systems", "slot_label": "Slot", "utm": "UTM"}
    export_filename = "health-check-requests"
    inspect_view_fields = [
        "reference",
        "status",
        "created_at",
        "name",
        "email",
        "company",
        "phone",
        "role",
        "systems",
        "systems_other",
        "problem",
        "volume",
        "slot_start",
        "meeting_link",
        "marketing_opt_in",
        "marketing_opt_in_text",
        "marketing_opt_in_at",
        "source_page",
        "utm",
        "spam_reason",
        "staff_notes",
        "became_client",
        "won_value",
        "anonymised_at",
    ]

    def get_form_class(self, for_update=False):
        return admin_views.StatusForm

    # Requests come from the public form only: there is no "add" view (ModelViewSet has no
    # switch for it), so no URL and no "Add" button.
    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{**kwargs, "add_url_name": None})


class AvailabilityWindowViewSet(ModelViewSet):
    model = AvailabilityWindow
    name = "bookings_availability"
    url_prefix = "bookings/availability"
    menu_label = "Availability"
    icon = "time"
    form_fields = ["weekday", "start_time", "end_time"]
    list_display = ["__str__", "weekday", "start_time", "end_time"]
    copy_view_enabled = False


class BlockedDateViewSet(ModelViewSet):
    model = BlockedDate
    name = "bookings_blocked_dates"
    url_prefix = "bookings/blocked-dates"
    menu_label = "Blocked dates"
    icon = "calendar-check"
    form_fields = ["date", "reason"]
    list_display = ["date", "reason"]
    copy_view_enabled = False


class HealthCheckGroup(ModelViewSetGroup):
    menu_label = "Health Check"
    menu_icon = "date"
    menu_order = 250
    items = (BookingViewSet, AvailabilityWindowViewSet, BlockedDateViewSet, WebhookEndpointViewSet)


@hooks.register("register_admin_viewset")
def register_booking_viewsets():
    return HealthCheckGroup()


@hooks.register("register_admin_urls")
def register_booking_admin_urls():
    return [
        path(
            "bookings/deliveries/<int:delivery_id>/resend/",
            admin_views.resend_delivery,
            name="bookings_resend",
        ),
        path("bookings/privacy/", admin_views.privacy_tools, name="bookings_privacy"),
        path("bookings/report/", report_views.guides_report, name="bookings_guides_report"),
    ]


class PrivacyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("bookings.view_booking") and request.user.has_perm(
            "bookings.delete_booking"
        )


@hooks.register("register_admin_menu_item")
def register_privacy_menu_item():
    return PrivacyMenuItem(
        "Personal data (GDPR)", reverse("bookings_privacy"), icon_name="user", order=260
    )


class SalesMenuItem(MenuItem):
    """Shown to those who may see the requests: Sales and superusers."""

    def is_shown(self, request):
        return request.user.has_perm("bookings.view_booking")


@hooks.register("register_reports_menu_item")
def register_guides_report_menu_item():
    return SalesMenuItem(
        "Which guides sell", reverse("bookings_guides_report"), icon_name="doc-full", order=900
    )


# --- The calendar feed (bookings/calendar_feed.py) ------------------------------------------


@hooks.register("register_admin_urls")
def register_calendar_feed_admin_url():
    return [
        path(
            "bookings/calendar-feed/",
            calendar_views.manage_feed,
            name="bookings_calendar_feed_admin",
        )
    ]


class CalendarFeedMenuItem(MenuItem):
    def is_shown(self, request):
        return calendar_feed.may_subscribe(request.user)


@hooks.register("register_admin_menu_item")
def register_calendar_feed_menu_item():
    return CalendarFeedMenuItem(
        "Calendar feed", reverse("bookings_calendar_feed_admin"), icon_name="date", order=255
    )
