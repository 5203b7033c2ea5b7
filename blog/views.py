"""Site search over guides, series hubs and the FAQ page."""

import logging
from urllib.parse import urlencode

from django.db import DatabaseError
from django.template.response import TemplateResponse
from wagtail.models import Page

from apiwise.seo import absolute_url, plain_text
from blog.models import ArticlePage, FaqPage, SeriesHubPage
from blog.queries import paginate

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
TYPE_LABELS = {ArticlePage: "Guide", SeriesHubPage: "Series", FaqPage: "FAQs"}


class Result:
    def __init__(self, page):
        self.page = page
        self.type_label = TYPE_LABELS.get(type(page), "Page")
        if isinstance(page, ArticlePage):
            self.summary = page.summary
        else:
            self.summary = plain_text(getattr(page, "intro", ""), limit=200)


def search(request):
    raw = request.GET.get("q", "")
    query = " ".join(raw.split())[:MAX_QUERY_LENGTH]
    context = {"query": query, "max_length": MAX_QUERY_LENGTH, "results": [], "message": ""}
    if not query:
        context["message"] = "Type a word or two, such as “Xero” or “invoice”."
        return TemplateResponse(request, "blog/search.html", context)

    pages = (
        Page.objects.live()
        .public()
        .type(ArticlePage, SeriesHubPage, FaqPage)
        .specific()
        .search(query, operator="and")
    )
    try:
        page_obj = paginate(request, pages, RESULTS_PER_PAGE)
        results = [Result(page) for page in page_obj.object_list]
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
    context.update(results=results, page_obj=page_obj)
    if results:
        context["canonical_url"] = canonical_search_url(request, query, page_obj.number)
    return TemplateResponse(request, "blog/search.html", context)


def canonical_search_url(request, query, number):
    """One address per search, whatever the case, spacing or parameter order it came with."""
    params = {"q": query.casefold()}
    if number > 1:
        params["page"] = number
    return absolute_url(request, f"{request.path}?{urlencode(params)}")
