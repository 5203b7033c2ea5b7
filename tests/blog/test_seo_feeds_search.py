"""Structured data, meta tags, the sitemap, the RSS feed and search."""

import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction, Site

from blog.models import ArticlePage
from tests.blog.documents import document_questions, faq_page_questions
from tests.helpers import ARTICLE_SLUG, json_ld, text_of

pytestmark = pytest.mark.django_db
ARTICLE_URL = f"/guides/{ARTICLE_SLUG}/"


def test_guide_json_ld_matches_the_visible_page(client):
    html = client.get(ARTICLE_URL).content.decode()
    by_type, blocks = json_ld(html)
    assert sorted(b["@type"] for b in blocks) == ["Article", "BreadcrumbList", "FAQPage"]
    article = by_type["Article"]
    assert article["headline"] in text_of(html)
    assert f'<h1 id="guide-title">{article["headline"].replace(chr(39), "&#x27;")}</h1>' in html
    assert article["datePublished"] == "2026-06-23"
    assert f'datetime="{article["datePublished"]}"' in html
    assert [a["name"] for a in article["author"]] == ["Alex Morgan"]
    assert "<dt>Written by</dt><dd>Alex Morgan</dd>" in html
    assert article["publisher"]["name"] == "APIwise"
    assert article["publisher"]["logo"].endswith(".png")
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert article["image"] == og_image
    assert article["mainEntityOfPage"].endswith(ARTICLE_URL)
    faq = by_type["FAQPage"]
    questions = [q["name"] for q in faq["mainEntity"]]
    assert questions == document_questions(ARTICLE_SLUG)
    for entry in faq["mainEntity"]:
        assert entry["acceptedAnswer"]["text"] in text_of(html)
    crumbs = [item["name"] for item in by_type["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["Home", "Guides", article["headline"]]


def test_faq_page_json_ld_lists_every_visible_question(client):
    html = client.get("/faqs/").content.decode()
    by_type, _ = json_ld(html)
    names = [q["name"] for q in by_type["FAQPage"]["mainEntity"]]
    assert names == faq_page_questions()
    for name in names:
        assert f'<summary class="faq__question">{name.replace(chr(39), "&#x27;")}</summary>' in html


def test_guide_without_faqs_has_no_faq_json_ld(client, make_guide):
    guide = make_guide("no-questions-here")
    by_type, _ = json_ld(client.get(guide.url).content.decode())
    assert "FAQPage" not in by_type and "Article" in by_type


def test_meta_description_falls_back_to_the_short_answer(client, article, make_guide):
    html = client.get(ARTICLE_URL).content.decode()
    assert f'<meta name="description" content="{article.search_description}">' in html
    assert f'<link rel="canonical" href="{article.full_url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert "<title>APIs vs integrations vs automation, explained | APIwise</title>" in html
    article.search_description = ""
    article.save_revision().publish()
    html = client.get(ARTICLE_URL).content.decode()
    assert '<meta name="description" content="An API is the doorway a system provides' in html


def test_feed_is_advertised_and_is_valid_rss(client):
    html = client.get("/guides/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/guides/feed/"' in client.get(ARTICLE_URL).content.decode()
    response = client.get("/guides/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    assert len(items) == min(20, ArticlePage.objects.listed().count())
    first = items[0]
    assert first.findtext("title").startswith("What Is an API?")
    assert first.findtext(
        "link"
    ) == "http://127.0.0.1:8000/guides/what-is-an-api/" or first.findtext("link").endswith(
        "/guides/what-is-an-api/"
    )
    assert first.findtext("description").startswith("What an API actually is")
    assert "25 Jun 2026" in first.findtext("pubDate")
    assert [c.text for c in first.findall("category")] == ["API basics"]
    assert "Alex Morgan" in (
        first.findtext("author") or first.findtext("{http://purl.org/dc/elements/1.1/}creator")
    )


def test_feed_leaves_out_unpublished_and_private_guides(client):
    ArticlePage.objects.get(slug="what-is-an-api").unpublish()
    PageViewRestriction.objects.create(
        page=ArticlePage.objects.get(slug="do-i-need-an-api"), restriction_type="login"
    )
    links = [
        i.findtext("link")
        for i in ET.fromstring(client.get("/guides/feed/").content).iter("item")  # noqa: S314 - our own response
    ]
    assert not any(link.endswith(("/what-is-an-api/", "/do-i-need-an-api/")) for link in links)


def test_sitemap_lists_guides_hub_and_faqs_but_not_hidden_pages(client):
    ArticlePage.objects.get(slug="what-is-an-api").unpublish()
    PageViewRestriction.objects.create(
        page=ArticlePage.objects.get(slug="do-i-need-an-api"), restriction_type="login"
    )
    xml = client.get("/sitemap.xml").content.decode()
    root = ET.fromstring(xml)  # noqa: S314 - our own response
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
        for u in root.findall("s:url", ns)
    }
    paths = {loc.split("//", 1)[1].split("/", 1)[1] for loc in urls}
    assert f"guides/{ARTICLE_SLUG}/" in paths
    assert "guides/" in paths and "guides/api-basics/" in paths and "faqs/" in paths
    assert "guides/what-is-an-api/" not in paths
    assert "guides/do-i-need-an-api/" not in paths
    assert all(urls.values()), "every entry has a lastmod"


def test_search_finds_guides_hubs_and_faqs(client):
    html = client.get("/search/", {"q": "Xero"}).content.decode()
    assert "How to Connect Stripe to Xero" in html
    assert "Guide" in html
    hub = client.get("/search/", {"q": "basics hub"}).content.decode()
    assert 'href="/guides/api-basics/"' in hub and "Series" in hub
    faqs = client.get("/search/", {"q": "Health Check fixed-price review"}).content.decode()
    assert 'href="/faqs/"' in faqs


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 500,
        "'; DROP TABLE wagtailcore_page; --",
        '"unbalanced',
        "a & | ! ( ) : *",
        "🙂",
        "<script>alert(1)</script>",
    ],
)
def test_odd_searches_give_a_friendly_page(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Search the guides</h1>" in html
    assert "<script>alert(1)</script>" not in html
    assert 'class="search-summary"' in html


def test_long_search_is_trimmed_and_says_so(client):
    html = client.get("/search/", {"q": "xero " * 100}).content.decode()
    assert "we used the first 200 characters" in html


def test_search_never_shows_unpublished_or_private_pages(client, make_guide):
    make_guide("zebra-draft", title="Zebra crossing draft", live=False)
    private = make_guide("zebra-private", title="Zebra crossing private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = client.get("/search/", {"q": "Zebra"}).content.decode()
    assert "Zebra crossing" not in html
    assert "Nothing matched" in html


def test_search_is_paginated(client, make_guide):
    for n in range(12):
        make_guide(f"uk-guide-{n}", title=f"A UK guide, part {n}")
    html = client.get("/search/", {"q": "UK guide"}).content.decode()
    assert html.count('class="search-result"') == 10
    page2 = client.get("/search/", {"q": "UK guide", "page": "2"}).content.decode()
    assert 'class="search-result"' in page2
    root = Site.objects.get(is_default_site=True).root_url
    assert f'<link rel="canonical" href="{root}/search/?q=uk+guide&amp;page=2">' in page2
    # The same rules as the guide index: junk, or past the end, is not a page.
    assert client.get("/search/", {"q": "UK guide", "page": "junk"}).status_code == 404
    assert client.get("/search/", {"q": "UK guide", "page": "99"}).status_code == 404


def test_searches_with_results_can_be_indexed_under_one_address_and_others_cannot(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /search/" not in robots

    # However it was typed, a search with results names one canonical address.
    root = Site.objects.get(is_default_site=True).root_url
    for typed in ("Xero", "  XERO ", "xero"):
        html = client.get("/search/", {"q": typed, "utm_source": "x"}).content.decode()
        assert "noindex" not in html
        assert f'<link rel="canonical" href="{root}/search/?q=xero">' in html

    # An empty or unmatched search only echoes the visitor's words: kept out of the index.
    for query in ("", "buy cheap pills at spam.example"):
        html = client.get("/search/", {"q": query}).content.decode()
        assert '<meta name="robots" content="noindex">' in html
        assert 'rel="canonical"' not in html
