"""Site search over guides, series hubs and the FAQ page."""

import hashlib
import logging
from urllib.parse import urlencode

from django.db import DatabaseError
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from apiwise.content_cache import cached
from apiwise.query_params import reads_query
from apiwise.seo import absolute_url, plain_text
from blog.models import ArticlePage, FaqPage, SeriesHubPage
from blog.queries import paginate, public_q

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
TYPE_LABELS = {ArticlePage: "Guide", SeriesHubPage: "Series", FaqPage: "FAQs"}


class Result:
    """What a search result shows: plain values, so a page of results can be cached."""

    def __init__(self, page):
        self.title = page.title
        self.url = page.url
        self.type_label = TYPE_LABELS.get(type(page), "Page")
        if isinstance(page, ArticlePage):
            self.summary = page.summary
        else:
            self.summary = plain_text(getattr(page, "intro", ""), limit=200)


class RankedResults:
    """A search's results as the paginator sees them, each page and the count kept for the
    content version. Ranking every match is what grows with the number of guides (about
    0.1 s a search at 2,000); a repeated search, the common case, then costs no query."""

    def __init__(self, query, pages):
        self.key = f"search:{hashlib.sha256(query.encode()).hexdigest()}"
        self.pages = pages

    def count(self):
        return cached(f"{self.key}:count", self.pages.count)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        return cached(
            f"{self.key}:{window.start}:{window.stop}",
            lambda: [Result(page) for page in self.pages[window]],
        )


@reads_query("q", "page")
def search(request):
    raw = request.GET.get("q", "")
    query = " ".join(raw.split())[:MAX_QUERY_LENGTH]
    context = {"query": query, "max_length": MAX_QUERY_LENGTH, "results": [], "message": ""}
    if not query:
        context["message"] = "Type a word or two, such as “Xero” or “invoice”."
        return TemplateResponse(request, "blog/search.html", context)

    pages = (
        Page.objects.live()
        .filter(public_q())
        .type(ArticlePage, SeriesHubPage, FaqPage)
        .specific()
        .defer_streamfields()  # results show titles and summaries, never bodies
        .search(query, operator="and")
    )
    try:
        page_obj = paginate(request, RankedResults(query, pages), RESULTS_PER_PAGE)
        results = page_obj.object_list
    except DatabaseError:
        logger.exception("Search failed for %r", query)
        results, page_obj = [], None
    if len(raw.strip()) > MAX_QUERY_LENGTH:
        note = f" (we used the first {MAX_QUERY_LENGTH} characters of your search)"
    else:
        note = ""
    if results:
        total = page_obj.paginator.count
        context["message"] = f"{total} result{'s' if total != 1 else ''} for “{query}”{note}."
    else:
        context["message"] = (
            f"Nothing matched “{query}”{note}. Try fewer or different words, or browse all guides."
        )
    context.update(
        results=results,
        page_obj=page_obj,
        promoted=promoted_results(query) if not page_obj or page_obj.number == 1 else [],
    )
    if results:
        context["canonical_url"] = canonical_search_url(request, query, page_obj.number)
    return TemplateResponse(request, "blog/search.html", context)


def promoted_results(query):
    """Guides staff pinned to the top for this search (Settings > Promoted search results),
    live and public only. Looked up, never created: a search must not write to the database."""
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(page__live=True)
        .select_related("page")
        .order_by("sort_order")
    )
    public = set(
        Page.objects.filter(public_q(), pk__in=[p.page_id for p in picks]).values_list(
            "pk", flat=True
        )
    )
    return [Result(pick.page.specific) for pick in picks if pick.page_id in public]


def canonical_search_url(request, query, number):
    """One address per search, whatever the case, spacing or parameter order it came with."""
    params = {"q": query.casefold()}
    if number > 1:
        params["page"] = number
    return absolute_url(request, f"{request.path}?{urlencode(params)}")
