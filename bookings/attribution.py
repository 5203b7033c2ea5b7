"""Which guide a Health Check request came from, and what the requests from a guide became.

A booking stores the path the visitor came from (`source_page`, maybe with a query string).
One home for turning that path into a guide and for the outcome counts, shared by the
"Which guides sell" report (bookings/report.py) and the guide's editor (bookings/panels.py).
"""

from decimal import Decimal
from urllib.parse import urlsplit

from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce
from wagtail.models import Site

from bookings.models.booking import Booking, Status

# Spam is left out of every count: it is not a lead, whatever page the bot came from.
REPORTABLE = ~Q(status=Status.SPAM)

# Status is the request's current step; a completed or scheduled request was contacted on
# the way, and so was one that became a client.
WAS_CONTACTED = Q(status__in=[Status.CONTACTED, Status.SCHEDULED, Status.COMPLETED]) | Q(
    became_client=True
)

# The outcome columns of the report, as ORM aggregates over bookings.
OUTCOME_AGGREGATES = {
    "requests": Count("pk"),
    "contacted": Count("pk", filter=WAS_CONTACTED),
    "completed": Count("pk", filter=Q(status=Status.COMPLETED)),
    "clients": Count("pk", filter=Q(became_client=True)),
    "declined": Count("pk", filter=Q(status=Status.DECLINED)),
    "won_value": Coalesce(
        Sum("won_value", filter=Q(became_client=True)),
        Value(Decimal("0")),
        output_field=DecimalField(max_digits=12, decimal_places=2),
    ),
}
OUTCOMES = tuple(OUTCOME_AGGREGATES)


def page_path(source_page):
    """'/guides/xero/?utm_source=x' → '/guides/xero/': the page part of a stored source."""
    path = urlsplit(source_page or "").path
    if not path.startswith("/"):
        return ""
    return path if path.endswith("/") else path + "/"


def came_from(path):
    """Bookings whose source is this page, with or without a query string."""
    return (
        Q(source_page=path)
        | Q(source_page__startswith=path + "?")
        | Q(source_page=path.rstrip("/"))
    )


def guides_by_path(paths):
    """{site path: live guide} for those of `paths` that are a live guide of the default site.
    One query for the site, one for the guides, however many paths."""
    from blog.models import ArticlePage

    site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return {}
    root = site.root_page.url_path  # e.g. '/home/'; guides' url_path starts with it
    wanted = {root + path.lstrip("/"): path for path in paths if path}
    guides = ArticlePage.objects.live().filter(url_path__in=wanted).only("title", "url_path")
    return {wanted[guide.url_path]: guide for guide in guides}


def guide_site_path(guide):
    """The path visitors see for a guide ('/guides/xero/'), or '' if no site serves it."""
    parts = guide.get_url_parts()
    return parts[2] if parts else ""


def outcomes_for_guide(guide):
    """{'requests': N, 'clients': M, ...} for the requests that came from this guide: one
    query (Wagtail caches the site lookup for the path)."""
    path = guide_site_path(guide)
    if not path:
        return None
    return Booking.objects.filter(REPORTABLE, came_from(path)).aggregate(**OUTCOME_AGGREGATES)
