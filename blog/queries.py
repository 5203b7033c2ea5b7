"""Listing helpers shared by the guide index, series hubs, search and the home page."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
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
    """A page of items. Junk page numbers and pages beyond the end are a 404 (they are not
    copies of the last page)."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1").strip() or "1"
    # ASCII digits only: str.isdigit() also accepts "²" and "①", which int() refuses.
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6:
        raise Http404("Page not found")
    try:
        page = paginator.page(int(raw))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("Page not found") from error
    # The links to show: the first and last pages and a few either side of this one, not
    # one per page however long the list grows.
    page.page_links = list(paginator.get_elided_page_range(page.number, on_each_side=2))
    return page


def parent_url(url):
    """'/guides/some-guide/' -> '/guides/'."""
    trimmed = (url or "/").rstrip("/")
    return trimmed.rsplit("/", 1)[0] + "/" if "/" in trimmed else "/"
