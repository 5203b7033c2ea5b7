"""Listing helpers shared by the guide index, series hubs, search and the home page."""

from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from django.http import Http404
from wagtail.models import PageViewRestriction


def public_q(prefix=""):
    """Pages outside any restricted (private) section, as a subquery: no extra query."""
    restricted = PageViewRestriction.objects.filter(
        StartsWith(OuterRef(f"{prefix}path"), F("page__path"))
    )
    return ~Exists(restricted)


def for_cards(queryset):
    """What a guide card shows, in a fixed number of queries: hero image, its renditions and
    topics."""
    return queryset.select_related("hero_image").prefetch_related(
        "hero_image__renditions", "topics"
    )


def paginate(request, items, per_page):
    """A page of items. Junk page numbers are a 404; beyond the end gives the last page."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1").strip() or "1"
    # ASCII digits only: str.isdigit() also accepts "²" and "①", which int() refuses.
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
        raise Http404("Page not found")
    number = int(raw) if len(raw) <= 6 else paginator.num_pages
    return paginator.page(min(number, paginator.num_pages))


def parent_url(url):
    """'/guides/some-guide/' -> '/guides/'."""
    trimmed = (url or "/").rstrip("/")
    return trimmed.rsplit("/", 1)[0] + "/" if "/" in trimmed else "/"
