"""The demo's guides are Markdown documents loaded through the importer: what they publish is
what the demo published when its guides were Python data, field for field and block for block
(tests/blog/data/demo_guides_snapshot.json, taken from that demo)."""

import json

import pytest
from django.core.management import call_command

from blog.demo_guides import documents
from blog.models import ArticlePage
from tests.blog.demo_snapshot import SNAPSHOT, published_guides

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_the_same_guides_block_for_block():
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    actual = published_guides()
    assert sorted(actual) == sorted(expected)
    for slug, guide in expected.items():
        body = guide.pop("body")
        got_body = actual[slug].pop("body")
        assert actual[slug] == guide, slug
        assert [block["type"] for block in got_body] == [block["type"] for block in body], slug
        for number, (got, wanted) in enumerate(zip(got_body, body, strict=True)):
            assert got == wanted, f"{slug}, block {number}"


def test_every_demo_document_imports_without_a_note():
    """Each document says only what the importer maps: nothing for an editor to check."""
    guides = ArticlePage.objects.filter(slug__in=documents())
    assert guides.count() == len(documents()) == 9
    assert {page.slug: page.import_notes for page in guides if page.import_notes} == {}


def test_loading_again_keeps_a_guide_staff_edited():
    page = ArticlePage.objects.get(slug="what-is-an-api")
    page.summary = "Rewritten by an editor."
    page.body = [{"type": "text", "value": "<p>Edited.</p>"}]
    page.save_revision().publish()
    call_command("load_demo_content", verbosity=0)
    page = ArticlePage.objects.get(slug="what-is-an-api")
    assert page.summary == "Rewritten by an editor."
    assert [block.block_type for block in page.body] == ["text"]
