"""Demo content for the guides: topics, an author, the guide index, every guide, the API basics
hub and the FAQ page. Idempotent: what exists (by slug or name) is left as staff left it."""

import re

from django.utils.html import escape
from wagtail.models import Page

from apiwise.demo import add_child_once
from blog import demo_content as data
from blog.models import (
    ArticlePage,
    Author,
    FaqPage,
    GuideIndexPage,
    RelatedGuide,
    SeriesHubPage,
    SeriesItem,
    Topic,
)

LINK = re.compile(r"\[\[([a-z0-9-]+)\|([^\]]+)\]\]")


def load(home):
    topics = {}
    for name, slug, is_system in data.TOPICS:
        topics[slug], _ = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_system": is_system}
        )
    author, _ = Author.objects.get_or_create(
        name=data.AUTHOR["name"],
        defaults={key: value for key, value in data.AUTHOR.items() if key != "name"},
    )

    index = add_child_once(home, GuideIndexPage, data.GUIDE_INDEX)
    for guide in data.RELATED_GUIDES:
        _add_guide(index, guide, topics, author, body=[_stub_body(guide)])

    hub = index.get_children().filter(slug=data.HUB["slug"]).first()
    hub_is_new = hub is None
    if hub_is_new:
        hub = add_child_once(index, SeriesHubPage, {k: data.HUB[k] for k in ("title", "slug")})

    links = _pages_by_slug(home)
    article = data.ARTICLE
    if not index.get_children().filter(slug=article["slug"]).exists():
        guides = {page.slug: page for page in ArticlePage.objects.child_of(index)}
        _add_guide(
            index,
            article,
            topics,
            author,
            body=[_resolve_block(block, links) for block in article["body"]],
            short_answer=article["short_answer"],
            related=[
                RelatedGuide(guide=guides[slug], sort_order=n)
                for n, slug in enumerate(article["related"])
            ],
        )

    if hub_is_new:
        hub = hub.specific
        guides = {page.slug: page for page in ArticlePage.objects.child_of(index)}
        hub.intro = data.HUB["intro"]
        hub.series_items = [
            SeriesItem(guide=guides[slug], sort_order=n)
            for n, slug in enumerate(data.HUB["series"])
        ]
        hub.save_revision().publish()

    links = _pages_by_slug(home)
    faq = data.FAQ_PAGE
    if not home.get_children().filter(slug=faq["slug"]).exists():
        sections = [
            {
                "type": "section",
                "value": {
                    "heading": section["heading"],
                    "items": [_resolve_faq(item, links) for item in section["items"]],
                },
            }
            for section in faq["sections"]
        ]
        add_child_once(
            home,
            FaqPage,
            {
                "title": faq["title"],
                "slug": faq["slug"],
                "intro": faq["intro"],
                "sections": sections,
            },
        )


def _add_guide(index, guide, topics, author, body, short_answer="", related=()):
    if index.get_children().filter(slug=guide["slug"]).exists():
        return
    page = ArticlePage(
        title=guide["title"],
        slug=guide["slug"],
        summary=guide["summary"],
        short_answer=short_answer,
        body=body,
        date=guide["date"],
    )
    page.topics = [topics[slug] for slug in guide["topics"]]
    page.authors = [author]
    page.related_links = list(related)
    index.add_child(instance=page)
    page.save_revision().publish()


def _stub_body(guide):
    return {"type": "text", "value": f"<p>{escape(guide['summary'])}</p>{data.COMING_SOON}"}


def _pages_by_slug(home):
    return {page.slug: page for page in Page.objects.descendant_of(home)}


def resolve_links(html, pages):
    """[[slug|text]] -> a rich-text link to that page; plain text when the page is missing."""

    def replace(match):
        slug, text = match.groups()
        page = pages.get(slug)
        if page is None:
            return text
        return f'<a linktype="page" id="{page.pk}">{text}</a>'

    return LINK.sub(replace, html)


def _resolve_faq(item, pages):
    return {"question": item["question"], "answer": resolve_links(item["answer"], pages)}


def _resolve_block(block, pages):
    kind, value = block["type"], block["value"]
    if kind == "text":
        return {"type": kind, "value": resolve_links(value, pages)}
    if kind == "call_to_action":
        target = pages.get(value["page"])
        return {
            "type": kind,
            "value": {
                **value,
                "text": resolve_links(value["text"], pages),
                "page": target.pk if target else None,
                # No button without a page to send it to.
                "button_label": value["button_label"] if target else "",
            },
        }
    if kind == "faq":
        items = [_resolve_faq(item, pages) for item in value["items"]]
        return {"type": kind, "value": {**value, "items": items}}
    return block
