"""A read-only panel for a guide's editor: its last 30 days (views, requests and the rate
between them: bookings/reading_figures.py), and how many Health Check requests the guide
brought in all and how many of those became clients (bookings/attribution.py)."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class GuideBookingsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "bookings/admin/guide_bookings_panel.html"

        def get_context_data(self, parent_context=None):
            from bookings.attribution import outcomes_for_guide
            from bookings.reading_figures import figures_for_guide

            context = super().get_context_data(parent_context)
            guide = self.instance
            # A guide not yet published has no readers, so no requests to count.
            counts = outcomes_for_guide(guide) if guide.pk and guide.live else None
            context["counts"] = counts
            context["recent"] = figures_for_guide(guide) if counts else None
            if counts and self.request.user.has_perm("bookings.view_booking"):
                context["report_url"] = reverse("bookings_guides_report")
            return context
