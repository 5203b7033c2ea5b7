"""Reading figures beside the requests they lead to: the core counts page views
(apiwise/analytics/); this module knows which pages are guides and which is the Health Check
page, and so turns views into "views → Health Check visits → requests → clients" per guide,
topic and utm_source. Used by the "Which guides sell" report, the guide's editor panel and
the editors' dashboard panel."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from apiwise.analytics import queries
from bookings.attribution import REPORTABLE, came_from, guide_site_path, guides_by_path
from bookings.models.booking import Booking
from bookings.models.page import HealthCheckPage


def percent(part, whole):
    """part / whole in per cent to one decimal, or None when there is nothing to divide by."""
    return round(100 * part / whole, 1) if whole else None


def rate(part, whole):
    """'4.2 %' (one decimal under 10 %), or '–' when there is nothing to divide by."""
    share = percent(part, whole)
    if share is None:
        return "–"
    return f"{share:.1f} %" if share < 10 else f"{share:.0f} %"


# The rates between views, Health Check visits, requests and clients: (name, part, whole).
RATES = (
    ("visit_rate", "visits", "views"),  # readers who went on to the Health Check page
    ("request_rate", "requests", "views"),  # readers who asked: the headline conversion
    ("visit_request_rate", "requests", "visits"),  # Health Check visits that became requests
    ("client_rate", "clients", "requests"),  # requests that became clients
)


class Rates:
    """For a row with views, visits, requests and clients: the rates between them, as text
    ('4.2 %') for pages, and `percent(name)` as a number for spreadsheets."""

    def percent(self, name):
        _, part, whole = next(entry for entry in RATES if entry[0] == name)
        return percent(getattr(self, part), getattr(self, whole))

    visit_rate = property(lambda self: rate(self.visits, self.views))
    request_rate = property(lambda self: rate(self.requests, self.views))
    visit_request_rate = property(lambda self: rate(self.requests, self.visits))
    client_rate = property(lambda self: rate(self.clients, self.requests))


def health_check_page_ids():
    return list(HealthCheckPage.objects.live().values_list("pk", flat=True))


@dataclass
class GuideReading:
    """Views of each guide and Health Check visits from it, over some days."""

    views: dict  # {guide page id: views}
    visits: dict  # {guide page id: visits}
    guides: dict  # {guide page id: ArticlePage}
    other_views: int  # views of pages that are neither a guide nor the Health Check page
    other_visits: int  # Health Check visits from anywhere else (or nowhere)
    all_visits: int


def guide_reading(date_from, date_to):
    from blog.models import ArticlePage

    health_check = health_check_page_ids()
    views = queries.views_by_page(date_from, date_to)
    visits_by_path = queries.views_by_previous_path(date_from, date_to, health_check)
    guides_from = guides_by_path(visits_by_path)
    guides = {g.pk: g for g in ArticlePage.objects.live().filter(pk__in=views).only("title")}
    guides.update({g.pk: g for g in guides_from.values()})
    visits = {}
    for path, guide in guides_from.items():
        visits[guide.pk] = visits.get(guide.pk, 0) + visits_by_path[path]
    all_visits = sum(views.get(pk, 0) for pk in health_check)
    return GuideReading(
        views={pk: views.get(pk, 0) for pk in guides},
        visits=visits,
        guides=guides,
        other_views=sum(
            n for pk, n in views.items() if pk not in guides and pk not in health_check
        ),
        other_visits=all_visits - sum(visits.values()),
        all_visits=all_visits,
    )


def utm_reading(date_from, date_to):
    """({utm_source: views of pages other than the Health Check page}, {utm_source: Health
    Check visits}). A view carries the utm_* of its own address: a campaign's landing page."""
    health_check = health_check_page_ids()
    every = queries.views_by_utm_source(date_from, date_to)
    visits = queries.views_by_utm_source(date_from, date_to, page_ids=health_check)
    views = {source: n - visits.get(source, 0) for source, n in every.items()}
    return views, visits


@dataclass
class GuideFigures(Rates):
    views: int
    visits: int
    requests: int
    clients: int


def last_days(days, today=None):
    today = today or timezone.localdate()
    return today - dt.timedelta(days=days - 1), today


def figures_for_guide(guide, days=30, today=None):
    """A guide's last `days` days (UK, today included): views, visits, requests, clients."""
    date_from, date_to = last_days(days, today)
    path = guide_site_path(guide)
    start = timezone.make_aware(dt.datetime.combine(date_from, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min))
    requests = Booking.objects.filter(REPORTABLE, came_from(path), created_at__gte=start)
    requests = requests.filter(created_at__lt=end)
    visits = queries.views_by_previous_path(date_from, date_to, health_check_page_ids())
    return GuideFigures(
        views=queries.total_views(date_from, date_to, [guide.pk]),
        visits=visits.get(path, 0),
        requests=requests.count(),
        clients=requests.filter(became_client=True).count(),
    )
