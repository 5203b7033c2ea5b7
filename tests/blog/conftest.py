import json
import re

import pytest
from wagtail.models import Page

from blog.models import ArticlePage, GuideIndexPage, Topic

ARTICLE_SLUG = "apis-vs-integrations-vs-automation"


@pytest.fixture
def guide_index(db):
    return GuideIndexPage.objects.get(slug="guides")


@pytest.fixture
def article(db):
    return ArticlePage.objects.get(slug=ARTICLE_SLUG)


@pytest.fixture
def make_guide(guide_index):
    """Publish a guide under the index."""

    def make(slug, title=None, topics=(), date=None, body_words=10, related=(), live=True):
        page = ArticlePage(
            title=title or slug.replace("-", " ").title(),
            slug=slug,
            summary=f"Summary of {slug}.",
            body=[{"type": "text", "value": "<p>" + " ".join(["word"] * body_words) + "</p>"}],
        )
        if date:
            page.date = date
        page.topics = [Topic.objects.get(slug=t) for t in topics]
        from blog.models import RelatedGuide

        page.related_links = [RelatedGuide(guide=g, sort_order=n) for n, g in enumerate(related)]
        guide_index.add_child(instance=page)
        if live:
            page.save_revision().publish()
        else:
            page.live = False
            page.save_revision()
            Page.objects.filter(pk=page.pk).update(live=False)
        return ArticlePage.objects.get(pk=page.pk)

    return make


def json_ld(html):
    """Every JSON-LD block on the page, parsed, by @type."""
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    parsed = [json.loads(block) for block in blocks]
    return {block["@type"]: block for block in parsed}, parsed
