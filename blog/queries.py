"""Listing helpers shared by the guide index, series hubs, search and the home page."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import Http404

from apiwise.content_cache import cached, restricted_paths


def public_q(prefix=""):
    """Pages outside any restricted (private) section.

    Wagtail's `.public()` is a NOT EXISTS with a LIKE per page, which the planner can cost
    badly (seconds on a cold table of thousands of guides). The private sections are few and
    cached with the content, so this is a plain path filter instead, and no filter at all on
    a site without private pages."""
    condition = Q()
    for path in restricted_paths():
        condition &= ~Q(**{f"{prefix}path__startswith": path})
    return condition


def for_cards(queryset):
    """What a guide card shows, in a fixed number of queries: hero image, its renditions and
    topics."""
    # Cards never show the body: leave the StreamFields (most of a guide's row) unread.
    return (
        queryset.defer_streamfields()
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions", "topics")
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


def listing_ids(key, queryset):
    """The primary keys of a listing, in order, worked out once per content version.

    A listing's order changes only when the content does, and asking the database again on
    every view costs time that grows with the number of guides (and depends on the planner's
    statistics being fresh). Views then fetch only the page of cards they show."""
    return cached(f"listing:{key}", lambda: list(queryset.values_list("pk", flat=True)))


def cards_in_order(model, ids):
    """The `model` rows with these primary keys, ready for cards, in the order given."""
    by_id = for_cards(model.objects.filter(pk__in=ids)).in_bulk()
    return [by_id[pk] for pk in ids if pk in by_id]


def paginate_listing(request, key, queryset, per_page):
    """paginate() over a listing whose order is cached (listing_ids)."""
    page = paginate(request, listing_ids(key, queryset), per_page)
    page.object_list = cards_in_order(queryset.model, page.object_list)
    return page


def parent_url(url):
    """'/guides/some-guide/' -> '/guides/'."""
    trimmed = (url or "/").rstrip("/")
    return trimmed.rsplit("/", 1)[0] + "/" if "/" in trimmed else "/"
