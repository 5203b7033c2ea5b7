"""Reading figures: how many times each page was read, per UK day and per source. One row
per (day, page, source) combination, never per visitor: nothing here can tell two readers
apart (apiwise/analytics/ explains what is counted and how)."""

from django.db import models


class Device(models.TextChoices):
    # From the viewport width alone (static/js/page-view.js): the visitor's screen, not them.
    MOBILE = "mobile", "Mobile"
    TABLET = "tablet", "Tablet"
    DESKTOP = "desktop", "Desktop"


# The columns that make a row: a flush adds its counts to the row with the same values.
DIMENSIONS = (
    "day",
    "monthly",
    "page_id",
    "referrer_host",
    "previous_path",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "device",
)


class PageViewCount(models.Model):
    day = models.DateField(
        help_text="The UK day of the views; for a monthly row, the first day of its month."
    )
    # Daily rows older than PAGE_VIEWS_DAILY_MONTHS are rolled up into one row per month.
    monthly = models.BooleanField(default=False)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    referrer_host = models.CharField(
        max_length=253, blank=True, help_text="The other site a reader came from (its host only)."
    )
    previous_path = models.CharField(
        max_length=255,
        blank=True,
        help_text="The page of this site the reader was on before (a guide's call to action "
        "leading to the Health Check page, say).",
    )
    utm_source = models.CharField(max_length=100, blank=True)
    utm_medium = models.CharField(max_length=100, blank=True)
    utm_campaign = models.CharField(max_length=100, blank=True)
    device = models.CharField(max_length=10, choices=Device.choices)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=DIMENSIONS, name="page_view_count_unique_source")
        ]
        indexes = [models.Index(fields=["page", "day"], name="page_view_count_page_day")]

    def __str__(self):
        return f"{self.views} views of page {self.page_id} on {self.day}"
