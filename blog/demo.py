"""Demo content for the guides: topics, an author, the guide index, every listed guide, the API
basics hub and the FAQ page. Guides with a complete text (a Markdown document in
blog/demo_guides/) are read through the importer, as an editor's upload is, and published
with the dates they were written; the others are unpublished drafts holding their summary, so
editors see the pipeline and visitors see nothing unfinished.

Idempotent: what exists (by slug or name) is left as staff left it. The one exception is a
guide still holding the placeholder text of an earlier demo ("coming soon", published), which
is given its full text or taken down to a draft."""

import datetime as dt
import re

from django.core.files import File
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page

from apiwise.demo import add_child_once
from blog import demo_content as data
from blog import demo_proof
from blog.demo_guides import documents
from blog.importer import convert_document
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
# Bodies an earlier demo published, and this demo's own drafts: safe to replace.
OLD_PLACEHOLDER = "The full guide is coming soon"
DRAFT_TITLE = "Draft: not written yet"


def load(home):
    topics = {}
    for name, slug, is_system in data.TOPICS:
        topics[slug], _ = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_system": is_system}
        )
    Author.objects.get_or_create(
        name=data.AUTHOR["name"],
        defaults={key: value for key, value in data.AUTHOR.items() if key != "name"},
    )
    index = add_child_once(home, GuideIndexPage, data.GUIDE_INDEX)

    # Every page a guide may link to exists first (the guides as drafts, the hub, the FAQ
    # page), so that links between them resolve.
    listed = listed_guides()
    guides = {guide["slug"]: _draft(index, guide, topics) for guide in listed}
    _load_hub(index, guides, listed)
    _load_faq_page(home, index)
    for guide in listed:
        page = guides[guide["slug"]]
        if not _is_placeholder(page):
            continue  # written or edited by staff: theirs
        if "path" in guide:
            _publish(page, index, guide, guides)
        elif page.live:
            page.unpublish()  # an earlier demo's "coming soon" page
    # After the guides: the sample case study names one as related.
    demo_proof.load(home)


def listed_guides():
    """Every demo guide, in the order of the demo's list, each guide with a document taking
    its details from the document's front matter; a document not on the list comes last."""
    found = documents()
    listed = [{**guide, **found.pop(guide["slug"], {})} for guide in data.GUIDES]
    return [*listed, *found.values()]


def _draft_body(guide):
    return [
        {
            "type": "callout",
            "value": {
                "kind": "info",
                "title": DRAFT_TITLE,
                "text": f"<p>What this guide will cover: {escape(guide['summary'])}</p>",
            },
        }
    ]


def _draft(index, guide, topics):
    """The guide's page, created as an unpublished draft holding its summary if missing."""
    page = ArticlePage.objects.child_of(index).filter(slug=guide["slug"]).first()
    if page is not None:
        return page
    page = ArticlePage(
        title=guide["title"],
        slug=guide["slug"],
        summary=guide["summary"],
        body=_draft_body(guide),
        date=guide["date"],
        live=False,
    )
    page.topics = [topics[slug] for slug in guide["topics"]]
    author, _ = Author.objects.get_or_create(name=guide.get("author") or data.AUTHOR["name"])
    page.authors = [author]
    index.add_child(instance=page)
    page.save_revision()
    return page


def _is_placeholder(page):
    """Still what a demo put there: this demo's draft, or an earlier demo's placeholder."""
    latest = page.get_latest_revision_as_object()
    raw = str(latest.body.raw_data)
    untouched_draft = DRAFT_TITLE in raw and not page.live
    return untouched_draft or OLD_PLACEHOLDER in raw


def convert(index, path):
    """The guide document at `path` as the importer reads an upload of it."""
    with path.open("rb") as handle:
        result, _ = convert_document(index, file=File(handle, name=path.name))
    return result


def _publish(page, index, guide, guides):
    result = convert(index, guide["path"])
    page = ArticlePage.objects.get(pk=page.pk)
    page.summary = guide["summary"]
    page.seo_title = guide.get("seo_title", "")
    page.search_description = guide.get("search_description", "")
    page.short_answer = result.short_answer
    page.body = result.blocks
    page.import_notes = "\n".join(f"• {note}" for note in result.notes)
    page.related_links = [
        RelatedGuide(guide=guides[slug], sort_order=n)
        for n, slug in enumerate(guide.get("related", []))
    ]
    page.save_revision().publish()
    # The demo's guides were written on their dates: record them as published then, as the
    # sitemap and the feed report it.
    published = timezone.make_aware(dt.datetime.combine(guide["date"], dt.time(9)))
    Page.objects.filter(pk=page.pk).update(
        first_published_at=published, last_published_at=published
    )


def _load_hub(index, guides, listed):
    hub = index.get_children().filter(slug=data.HUB["slug"]).first()
    if hub is not None:
        return
    fields = ("title", "slug", "intro", "icon", "cta_heading", "cta_text", "cta_button_label")
    hub = add_child_once(index, SeriesHubPage, {k: data.HUB[k] for k in fields})
    hub.cta_page = pages_by_slug(index.get_parent()).get("health-check")
    hub.save_revision().publish()
    for guide in listed:
        if guide.get("series") == hub.slug:
            SeriesItem.objects.get_or_create(
                hub=hub, guide=guides[guide["slug"]], defaults={"position": guide["part"]}
            )


def _load_faq_page(home, index):
    faq = data.FAQ_PAGE
    if home.get_children().filter(slug=faq["slug"]).exists():
        return
    links = pages_by_slug(home)
    sections = [
        {
            "type": "section",
            "value": {"heading": section["heading"], "items": _faq_items(section, index, links)},
        }
        for section in faq["sections"]
    ]
    fields = ("title", "slug", "intro", "cta_heading", "cta_text", "cta_button_label")
    add_child_once(
        home,
        FaqPage,
        {
            **{key: faq[key] for key in fields},
            "sections": sections,
            "cta_page": links.get("health-check"),
        },
    )


def pages_by_slug(home):
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


def _faq_items(section, index, pages):
    """A section's questions: its own, or those of a guide's document ("faqs_of")."""
    if "faqs_of" in section:
        result = convert(index, documents()[section["faqs_of"]]["path"])
        return [item for b in result.blocks if b["type"] == "faq" for item in b["value"]["items"]]
    return [
        {"question": item["question"], "answer": resolve_links(item["answer"], pages)}
        for item in section["items"]
    ]
