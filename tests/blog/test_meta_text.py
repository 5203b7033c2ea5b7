"""What search engines and link previews quote from a page reads as the editor wrote it:
`<`, `&` and quotes escaped once in the HTML, never shown as `&lt;` or `&amp;amp;`."""

import re

import pytest

from apiwise.models import StandardPage
from tests.helpers import json_ld

pytestmark = pytest.mark.django_db

WRITTEN = "Xero & Shopify: orders in <5 minutes, \"live\" and 'tested'"
ESCAPED_ONCE = (
    "Xero &amp; Shopify: orders in &lt;5 minutes, &quot;live&quot; and &#x27;tested&#x27;"
)


def meta(html, name):
    return re.search(rf'<meta (?:name|property)="{name}" content="([^"]*)">', html).group(1)


def test_a_description_from_rich_text_is_escaped_once(client):
    about = StandardPage.objects.get(slug="about")
    about.search_description = about.introduction = ""
    # As Wagtail stores rich text: the characters as entities.
    about.body = "<p>Xero &amp; Shopify: orders in &lt;5 minutes, &quot;live&quot; and 'tested'</p>"
    about.save_revision().publish()

    html = client.get(about.url).content.decode()
    for name in ("description", "og:description", "twitter:description"):
        assert meta(html, name) == ESCAPED_ONCE
    assert "&amp;lt;" not in html and "&amp;amp;" not in html


def test_a_guide_summary_with_special_characters_reads_the_same_in_search_snippets(
    client, make_guide
):
    guide = make_guide("special-characters")
    guide.summary = WRITTEN
    guide.search_description = guide.short_answer = ""
    guide.save_revision().publish()

    html = client.get(guide.url).content.decode()
    assert meta(html, "description") == ESCAPED_ONCE
    by_type, _ = json_ld(html)
    assert by_type["Article"]["description"] == WRITTEN
