"""The "Which guides sell" report: how often each guide was read, the Health Check visits and
requests it led to and what became of them, per source guide, per topic or per utm_source,
over a date range, ranked by won work.

The database does the counting (one GROUP BY over the requests, a few over the daily view
counts); Python only folds the raw source paths into guides and topics, which a path alone
cannot say. Views come from the core's reading figures (bookings/reading_figures.py).
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models.fields.json import KT
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from apiwise.analytics import queries
from bookings.attribution import OUTCOME_AGGREGATES, OUTCOMES, REPORTABLE, guides_by_path, page_path
from bookings.models.booking import Booking, Status
from bookings.reading_figures import Rates, guide_reading, health_check_page_ids, utm_reading

GROUPINGS = {
    "guide": "Source guide",
    "topic": "Topic of the source guide",
    "utm_source": "utm_source",
}
# Catch-all rows, listed after the ranked ones.
NOT_FROM_A_GUIDE = "Other pages / direct"
GUIDE_WITHOUT_TOPIC = "Guides with no topic"
NO_UTM_SOURCE = "No utm_source"


def pounds(value):
    """£1,500 or £1,500.50: whole pounds without pence."""
    value = Decimal(value)
    return f"£{value:,.0f}" if value == value.to_integral_value() else f"£{value:,.2f}"


@dataclass
class ReportRow(Rates):
    label: str
    admin_url: str = ""  # the guide's editor, for guide rows
    catch_all: bool = False
    views: int = 0
    visits: int = 0  # of the Health Check page, from this guide (or with this utm_source)
    requests: int = 0
    contacted: int = 0
    completed: int = 0
    clients: int = 0
    declined: int = 0
    won_value: Decimal = Decimal("0")

    @property
    def won_value_label(self):
        return pounds(self.won_value)

    def add(self, counts):
        for name in OUTCOMES:
            setattr(self, name, getattr(self, name) + counts[name])

    def add_reading(self, views, visits):
        self.views += views
        self.visits += visits

    def rank_key(self):
        # Won work first, then clients, then requests, then readers; the name settles ties.
        return (-self.won_value, -self.clients, -self.requests, -self.views, self.label.casefold())


@dataclass
class Report:
    grouping: str
    date_from: dt.date
    date_to: dt.date
    rows: list = field(default_factory=list)
    totals: ReportRow = None
    spam_excluded: int = 0

    @property
    def grouping_label(self):
        return GROUPINGS[self.grouping]


def local_day_start(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def created_between(date_from, date_to):
    """Requests made on those UK days, both included."""
    return Booking.objects.filter(
        created_at__gte=local_day_start(date_from),
        created_at__lt=local_day_start(date_to + dt.timedelta(days=1)),
    )


def ranked(rows):
    """Ranked rows first, the catch-all rows after them."""
    rows = list(rows)
    return sorted((r for r in rows if not r.catch_all), key=ReportRow.rank_key) + sorted(
        (r for r in rows if r.catch_all), key=ReportRow.rank_key
    )


def counts_by_guide(bookings):
    """[(guide or None, counts)] for each distinct source path."""
    per_source = list(bookings.values("source_page").annotate(**OUTCOME_AGGREGATES))
    guides = guides_by_path({page_path(row["source_page"]) for row in per_source})
    return [(guides.get(page_path(row["source_page"])), row) for row in per_source]


def guide_row(rows, guide):
    if guide is None:
        return rows.setdefault(None, ReportRow(NOT_FROM_A_GUIDE, catch_all=True))
    edit_url = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    return rows.setdefault(guide.pk, ReportRow(guide.title, admin_url=edit_url))


def rows_by_guide(bookings, date_from, date_to):
    rows = {}
    for guide, counts in counts_by_guide(bookings):
        guide_row(rows, guide).add(counts)
    reading = guide_reading(date_from, date_to)
    for pk, guide in reading.guides.items():
        guide_row(rows, guide).add_reading(reading.views.get(pk, 0), reading.visits.get(pk, 0))
    if reading.other_views or reading.other_visits:
        guide_row(rows, None).add_reading(reading.other_views, reading.other_visits)
    return rows.values()


def rows_by_topic(bookings, date_from, date_to):
    """A request or view of a guide with several topics counts under each of them."""
    from blog.models import ArticlePage

    per_guide = counts_by_guide(bookings)
    reading = guide_reading(date_from, date_to)
    guide_ids = {guide.pk for guide, _ in per_guide if guide is not None} | set(reading.guides)
    topics_of = {}
    links = ArticlePage.topics.through.objects.filter(articlepage_id__in=guide_ids)
    for guide_id, topic in links.values_list("articlepage_id", "topic__name"):
        topics_of.setdefault(guide_id, []).append(topic)

    def labels(guide):
        if guide is None:
            return [(NOT_FROM_A_GUIDE, True)]
        topics = [(name, False) for name in topics_of.get(guide.pk, ())]
        return topics or [(GUIDE_WITHOUT_TOPIC, True)]

    rows = {}
    for guide, counts in per_guide:
        for label, catch_all in labels(guide):
            rows.setdefault(label, ReportRow(label, catch_all=catch_all)).add(counts)
    for pk, guide in reading.guides.items():
        for label, catch_all in labels(guide):
            row = rows.setdefault(label, ReportRow(label, catch_all=catch_all))
            row.add_reading(reading.views.get(pk, 0), reading.visits.get(pk, 0))
    if reading.other_views or reading.other_visits:
        row = rows.setdefault(NOT_FROM_A_GUIDE, ReportRow(NOT_FROM_A_GUIDE, catch_all=True))
        row.add_reading(reading.other_views, reading.other_visits)
    return rows.values()


def rows_by_utm_source(bookings, date_from, date_to):
    # Sources typed by hand in campaign links vary in case: "Newsletter" is "newsletter".
    per_source = (
        bookings.annotate(source=Lower(KT("utm__utm_source")))
        .values("source")
        .annotate(**OUTCOME_AGGREGATES)
    )
    rows = {}
    for counts in per_source:
        source = (counts["source"] or "").strip()
        label = source or NO_UTM_SOURCE
        rows.setdefault(label, ReportRow(label, catch_all=not source)).add(counts)
    views, visits = utm_reading(date_from, date_to)
    for source in views.keys() | visits.keys():
        label = source or NO_UTM_SOURCE
        row = rows.setdefault(label, ReportRow(label, catch_all=not source))
        row.add_reading(views.get(source, 0), visits.get(source, 0))
    return rows.values()


ROW_BUILDERS = {"guide": rows_by_guide, "topic": rows_by_topic, "utm_source": rows_by_utm_source}


def build_report(date_from, date_to, grouping="guide"):
    in_range = created_between(date_from, date_to)
    bookings = in_range.filter(REPORTABLE)
    totals = ReportRow("All pages and requests", **bookings.aggregate(**OUTCOME_AGGREGATES))
    # Every page's views but the Health Check page's, which are the visits.
    health_check = health_check_page_ids()
    visits = queries.total_views(date_from, date_to, health_check)
    totals.add_reading(queries.total_views(date_from, date_to) - visits, visits)
    return Report(
        grouping=grouping,
        date_from=date_from,
        date_to=date_to,
        rows=ranked(ROW_BUILDERS[grouping](bookings, date_from, date_to)),
        totals=totals,
        spam_excluded=in_range.filter(status=Status.SPAM).count(),
    )
