"""The editors' dashboard panel: this week's most-read guides, and the guides whose readers
book a Health Check (the last 30 days, so a small consultancy's few requests add up).
The numbers are the "Which guides sell" report's (bookings/report.py) over those days."""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from bookings.reading_figures import last_days
from bookings.report import build_report

SHOWN = 5
MOST_READ_DAYS = 7
BOOKING_DAYS = 30


def guide_rows(days, today):
    date_from, date_to = last_days(days, today)
    return [row for row in build_report(date_from, date_to, "guide").rows if not row.catch_all]


def most_read(today):
    rows = [row for row in guide_rows(MOST_READ_DAYS, today) if row.views]
    return sorted(rows, key=lambda row: (-row.views, row.label.casefold()))[:SHOWN]


def readers_who_book(today):
    rows = [row for row in guide_rows(BOOKING_DAYS, today) if row.requests and row.views]
    return sorted(
        rows, key=lambda row: (-row.requests / row.views, -row.requests, row.label.casefold())
    )[:SHOWN]


class GuideReadingPanel(Component):
    name = "guide_reading"
    order = 90  # above Wagtail's own panels (recent edits are 250)
    template_name = "bookings/admin/guide_reading_panel.html"

    def __init__(self, request, today=None):
        self.request = request
        self.today = today or timezone.localdate()

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context.update(
            most_read=most_read(self.today),
            readers_who_book=readers_who_book(self.today),
            most_read_days=MOST_READ_DAYS,
            booking_days=BOOKING_DAYS,
        )
        if self.request.user.has_perm("bookings.view_booking"):
            context["report_url"] = reverse("bookings_guides_report")
        return context
