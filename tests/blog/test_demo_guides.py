"""The demo's guides are Markdown documents loaded through the importer: what they publish is
what the demo published when its guides were Python data, field for field and block for block
(tests/blog/data/demo_guides_snapshot.json, taken from that demo)."""

import json

import pytest

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
