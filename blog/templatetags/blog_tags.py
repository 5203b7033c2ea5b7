from urllib.parse import urlencode

from django import template
from django.utils.html import format_html

from apiwise.query_params import kept_query
from blog.blocks import anchor_from
from blog.models import ArticlePage
from blog.queries import cards_in_order, listing_ids, parent_url

register = template.Library()


@register.simple_tag
def guide_meta(guide):
    """'23 Jun 2026 · 5 min read', with a machine-readable date."""
    return format_html(
        '<time datetime="{}">{}</time><span>{} min read</span>',
        guide.date.isoformat(),
        f"{guide.date.day} {guide.date:%b %Y}",
        guide.reading_time,
    )


@register.filter
def guide_index_url(guide_url):
    """The guide index's address, from a guide's address (guides sit right below it)."""
    return parent_url(guide_url)


@register.filter
def anchor(text, prefix=""):
    return anchor_from(text, prefix=prefix)


@register.filter
def with_headings(row, headings):
    """A table row's cells beside their column headings, as (heading, cell) pairs: on a phone
    each row becomes a card whose cells carry their heading as a label."""
    headings = list(headings or [])
    return [(headings[i] if i < len(headings) else "", cell) for i, cell in enumerate(row or [])]


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current address with ?page= set, keeping the other parameters the page reads
    (topic, q) and no other: a stored copy is shared by every address that differs only in
    parameters it ignores. Page 1 is the address without a page number: one canonical first
    page."""
    params = dict(kept_query(context["request"]))
    params.pop("page", None)
    if number > 1:
        params["page"] = number
    query = urlencode(sorted(params.items()))
    return f"?{query}" if query else context["request"].path


@register.simple_tag
def latest_guides(count=3):
    """The newest live, public guides, ready for cards."""
    ids = listing_ids(f"latest-guides:{count}", ArticlePage.objects.listed()[:count])
    return cards_in_order(ArticlePage, ids)


@register.filter
def person_url(author):
    """The author's page on the team page, or "" when they are not shown there."""
    from blog.models.team import person_url as url_of

    return url_of(author)


@register.simple_tag
def case_studies_about(guide):
    """Published case studies that name this guide as related ("Where we've done this")."""
    from blog.models import CaseStudyPage

    return list(CaseStudyPage.about_guide(guide))


@register.simple_tag
def case_study_index_url():
    """The live case study listing's address, or ""."""
    from blog.models.case_study import listing_url

    return listing_url()
