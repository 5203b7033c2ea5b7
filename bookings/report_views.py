"""The "Which guides sell" admin report (Sales and superusers): the filter form, the page with
its chart and table, and the CSV download of the same numbers."""

import csv
import datetime as dt

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.admin.auth import permission_denied

from bookings.admin_views import spreadsheet_safe
from bookings.chart import MAX_ROWS, SERIES, bar_chart
from bookings.report import GROUPINGS, build_report

DEFAULT_DAYS = 365
# Far enough either way for any real report; keeps date arithmetic away from year 9999.
EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2100, 12, 31)
DATE_RANGE_MESSAGE = "Enter a date between 1 Jan 2000 and 31 Dec 2100."
CSV_COLUMNS = (
    ("views", "Views"),
    ("visits", "Health Check visits"),
    ("requests", "Requests"),
    ("contacted", "Contacted"),
    ("completed", "Completed"),
    ("clients", "Became clients"),
    ("declined", "Declined"),
    ("won_value", "Won value (GBP)"),
)
# Per cent, as numbers a spreadsheet can sum and chart; empty where there is nothing to divide.
CSV_RATE_COLUMNS = (
    ("visit_rate", "Visits per view (%)"),
    ("visit_request_rate", "Requests per visit (%)"),
    ("request_rate", "Requests per view (%)"),
    ("client_rate", "Clients per request (%)"),
)


def date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[
            MinValueValidator(EARLIEST, DATE_RANGE_MESSAGE),
            MaxValueValidator(LATEST, DATE_RANGE_MESSAGE),
        ],
        error_messages={"invalid": "Enter a date like 2026-11-30."},
    )


class ReportForm(forms.Form):
    date_from = date_field("From")
    date_to = date_field("To")
    grouping = forms.ChoiceField(
        label="Group by",
        choices=list(GROUPINGS.items()),
        required=False,
        error_messages={"invalid_choice": "Choose to group by guide, topic or utm_source."},
    )

    @staticmethod
    def defaults():
        today = timezone.localdate()
        return {
            "date_from": (today - dt.timedelta(days=DEFAULT_DAYS - 1)).isoformat(),
            "date_to": today.isoformat(),
            "grouping": "guide",
        }

    def __init__(self, query):
        # Blank or missing filters mean the defaults, so the form shows what is counted.
        data = self.defaults()
        data.update({key: value for key, value in query.items() if key in data and value})
        super().__init__(data)

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", "The “to” date must be on or after the “from” date.")
        return cleaned


def csv_value(row, name):
    """Money with its pence, as every database gives it (SQLite sums decimals without them)."""
    value = getattr(row, name)
    return f"{value:.2f}" if name == "won_value" else value


def csv_download(report):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"which-guides-sell-{report.date_from}-to-{report.date_to}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    columns = (*CSV_COLUMNS, *CSV_RATE_COLUMNS)
    writer.writerow([report.grouping_label, *(heading for _, heading in columns)])
    for row in [*report.rows, report.totals]:
        rates = [row.percent(name) for name, _ in CSV_RATE_COLUMNS]
        # Guide titles and utm_source values are typed by people: never let one run as a formula.
        writer.writerow(
            [
                spreadsheet_safe(row.label),
                *(csv_value(row, name) for name, _ in CSV_COLUMNS),
                *("" if value is None else value for value in rates),
            ]
        )
    return response


def guides_report(request):
    if not request.user.has_perm("bookings.view_booking"):
        return permission_denied(request)
    form = ReportForm(request.GET)
    context = {
        "form": form,
        "page_title": "Which guides sell",
        "header_title": "Which guides sell",
        "header_icon": "doc-full",
    }
    if form.is_valid():
        data = form.cleaned_data
        report = build_report(data["date_from"], data["date_to"], data["grouping"] or "guide")
        if request.GET.get("format") == "csv":
            return csv_download(report)
        query = {
            "date_from": report.date_from.isoformat(),
            "date_to": report.date_to.isoformat(),
            "grouping": report.grouping,
        }
        context.update(
            report=report,
            chart=bar_chart(report.rows),
            chart_series=SERIES,
            chart_max_rows=MAX_ROWS,
            csv_query=urlencode({**query, "format": "csv"}),
        )
    return TemplateResponse(request, "bookings/admin/guides_report.html", context)
