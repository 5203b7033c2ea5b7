"""What the demo publishes for each complete guide, as plain JSON that does not depend on page
ids: every field a visitor sees, and the body block for block. tests/blog/data/
demo_guides_snapshot.json holds it as the demo published it when its guides were still Python
data; the demo's Markdown documents must publish the same.

Write the file again (only when a change to the guides is meant) with:
    manage.py shell -c "from tests.blog.demo_snapshot import write; write()"
on a database holding the demo content."""

import json
import re
from pathlib import Path

from wagtail.models import Page

from blog.models import ArticlePage, SeriesItem

SNAPSHOT = Path(__file__).parent / "data" / "demo_guides_snapshot.json"
PAGE_LINK = re.compile(r'linktype="page" id="(\d+)"')


def slug_of(page_id):
    return Page.objects.filter(pk=page_id).values_list("slug", flat=True).first()


def without_ids(value):
    """A StreamField's prepared value without its block ids (new ones on every save), and
    with page ids (in rich text and page choosers) as the pages' slugs."""
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    if isinstance(value, dict):
        is_block = "type" in value and "value" in value
        out = {k: without_ids(v) for k, v in value.items() if not (is_block and k == "id")}
        if out.get("type") == "call_to_action":
            out["value"]["page"] = slug_of(out["value"]["page"])
        return out
    if isinstance(value, str):
        return PAGE_LINK.sub(lambda m: f'linktype="page" slug="{slug_of(m.group(1))}"', value)
    return value


def published(page):
    """One guide as its readers see it (the live page, not a draft)."""
    page = ArticlePage.objects.get(pk=page.pk)
    series = SeriesItem.objects.filter(guide=page).select_related("hub")
    return {
        "title": page.title,
        "slug": page.slug,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "summary": page.summary,
        "short_answer": without_ids(page.short_answer),
        "date": page.date.isoformat(),
        "first_published_at": page.first_published_at.isoformat(),
        "topics": sorted(page.topics.values_list("slug", flat=True)),
        "authors": [author.name for author in page.authors.all()],
        "series": [[item.hub.slug, item.position] for item in series],
        "related": [link.guide.slug for link in page.related_links.all()],
        "body": without_ids(page.body.get_prep_value()),
    }


def published_guides():
    """slug -> the published guide, for every live guide."""
    guides = ArticlePage.objects.live().order_by("slug")
    return {page.slug: published(page) for page in guides}


def write():
    SNAPSHOT.parent.mkdir(exist_ok=True)
    text = json.dumps(published_guides(), indent=1, ensure_ascii=False, sort_keys=True)
    SNAPSHOT.write_text(text + "\n", encoding="utf-8")
