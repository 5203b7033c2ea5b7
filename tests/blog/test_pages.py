"""What visitors see: the guide, the index, the hub, the FAQ page, the home page's latest guides."""

import re

import pytest

from blog import demo_content
from blog.models import ArticlePage, FaqPage, RelatedGuide
from tests.blog.documents import (
    document_blocks,
    document_questions,
    faq_page_questions,
    series_order,
)
from tests.helpers import ARTICLE_SLUG, ARTICLE_URL, assert_accessible_markup, outline, text_of

pytestmark = pytest.mark.django_db


def test_reference_article_is_complete_word_for_word(client):
    response = client.get(ARTICLE_URL)
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(html)
    # Every paragraph of the article's document (blog/demo_guides/).
    blocks = document_blocks(ARTICLE_SLUG)
    texts = [b["value"] for b in blocks if b["type"] == "text"]
    assert len(texts) > 5
    for value in texts:
        assert text_of(value) in text
    for heading in [
        "Why these three words get muddled",
        "How they fit together (a worked example)",
    ]:
        assert heading in text
    page = ArticlePage.objects.get(slug=ARTICLE_SLUG)
    assert page.short_answer and text_of(page.short_answer) in text
    assert "The short answer" in text
    assert "23 Jun 2026" in text and "6 min read" in text
    questions = document_questions(ARTICLE_SLUG)
    assert len(questions) == 3
    for question in questions:
        assert f'<summary class="faq__question">{question}</summary>' in html
    assert "How APIwise can help" in text
    assert "Want this set up properly — and handled for you?" in text
    assert_accessible_markup(html)


def test_article_table_has_caption_and_scoped_headers(client):
    html = client.get(ARTICLE_URL).content.decode()
    table = html[html.index("<table") : html.index("</table>")]
    assert "<caption" in table
    assert [h for h in re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', table)] == [
        "Term",
        "What it is",
        "Do you buy it?",
    ]
    assert re.findall(r'<th scope="row"[^>]*>([^<]+)</th>', table) == [
        "API",
        "Integration",
        "Automation",
    ]
    assert "No — your tools already have them" in table


def test_in_text_links_point_at_the_guides_and_the_hub(client):
    html = client.get(ARTICLE_URL).content.decode()
    assert '<a href="/guides/what-is-an-api/">What is an API?</a>' in html
    assert (
        '<a href="/guides/zapier-vs-make-vs-custom-integration/">'
        "Zapier vs Make vs custom integration</a>"
    ) in html
    assert (
        'Next in the series: <a href="/guides/do-i-need-an-api/">Do I need an API? A simple '
        'self-check</a>. Or head back to the <a href="/guides/api-basics/">API basics hub</a>.'
    ) in html


def test_health_check_links_say_which_guide_sent_the_visitor(client, home_page):
    health = home_page.get_children().get(slug="health-check")
    html = client.get(ARTICLE_URL).content.decode()
    link = f'href="{health.url}?from={ARTICLE_URL}"'
    assert html.count(link) >= 2  # "Book yours here" and the button
    assert ">Book yours here</a>" in html


def test_on_this_page_lists_the_sections_with_working_anchors(client):
    html = client.get(ARTICLE_URL).content.decode()
    toc = html[html.index('class="toc"') : html.index("</nav>", html.index('class="toc"'))]
    anchors = re.findall(r'href="#([^"]+)"', toc)
    assert len(anchors) == 8  # seven sections and the FAQs
    for anchor in anchors:
        assert f'id="{anchor}"' in html


def test_series_navigation_on_the_guide(client):
    html = client.get(ARTICLE_URL).content.decode()
    assert "Part 3 of 4 in" in html
    assert 'rel="next"><span class="series-nav__label">Next in the series</span> Do I Need' in html
    assert 'href="/guides/what-can-apis-do-for-your-business/" rel="prev"' in html


def test_related_guides_show_on_the_guide_and_never_unpublished(client, article):
    html = client.get(ARTICLE_URL).content.decode()
    related = html[html.index('id="related-heading"') :]
    assert related.count('class="card guide-card"') == 6
    assert "What Is an API? A Plain-English Guide for Business Owners" in related
    assert "25 Jun 2026" in related
    ArticlePage.objects.get(slug="what-is-an-api").unpublish()
    related = client.get(ARTICLE_URL).content.decode().split('id="related-heading"')[1]
    assert "/guides/what-is-an-api/" not in related
    assert related.count('class="card guide-card"') == 6


def test_guide_topics_link_to_the_filtered_list(client):
    html = client.get(ARTICLE_URL).content.decode()
    assert '<a class="topic-chip" href="/guides/?topic=api-basics">API basics</a>' in html


def test_hub_lists_the_series_in_order(client):
    response = client.get("/guides/api-basics/")
    assert response.status_code == 200
    html = response.content.decode()
    series = series_order("api-basics")
    assert len(series) == 4
    order = [html.index(f'href="/guides/{slug}/"') for slug in series]
    assert order == sorted(order)
    assert_accessible_markup(html)


def test_unpublished_guide_is_left_out_of_the_hub(client):
    ArticlePage.objects.get(slug="do-i-need-an-api").unpublish()
    html = client.get("/guides/api-basics/").content.decode()
    assert "/guides/do-i-need-an-api/" not in html


def test_faq_page_has_sections_by_topic_with_stable_anchors(client):
    response = client.get("/faqs/")
    assert response.status_code == 200
    html = response.content.decode()
    for section in demo_content.FAQ_PAGE["sections"]:
        assert section["heading"] in html
    assert 'id="faq-is-an-integration-the-same-as-an-api"' in html
    assert 'href="#faq-is-an-integration-the-same-as-an-api"' in html
    assert html.count('<details class="faq"') == len(faq_page_questions())
    assert_accessible_markup(html)


def test_faq_anchor_survives_editing_the_answer(client):
    page = FaqPage.objects.get(slug="faqs")
    data = page.sections.raw_data
    data[0]["value"]["items"][0]["answer"] = "<p>A new answer.</p>"
    page.sections = list(data)
    page.save_revision().publish()
    html = client.get("/faqs/").content.decode()
    assert 'id="faq-is-an-integration-the-same-as-an-api"' in html
    assert "A new answer." in html


def test_home_page_shows_the_latest_guides(client):
    html = client.get("/").content.decode()
    latest = html[html.index('id="latest-guides-heading"') :]
    assert latest.count('class="card guide-card"') == 3
    assert "What Is an API?" in latest  # the newest (25 Jun 2026)
    assert_accessible_markup(html)


def test_home_page_latest_guides_leave_out_unpublished(client):
    ArticlePage.objects.get(slug="what-is-an-api").unpublish()
    latest = client.get("/").content.decode().split('id="latest-guides-heading"')[1]
    assert "/guides/what-is-an-api/" not in latest


def test_guide_with_no_related_choices_is_filled_automatically(client, article):
    RelatedGuide.objects.filter(page=article).delete()
    html = client.get(ARTICLE_URL).content.decode()
    assert html.split('id="related-heading"')[1].count('class="card guide-card"') == 6


def test_code_block_is_highlighted_on_the_server_without_inline_styles(client, make_guide):
    guide = make_guide("code-guide")
    guide.body = [
        {"type": "code", "value": {"language": "python", "code": "def hello():\n    return 1"}}
    ]
    guide.save_revision().publish()
    html = client.get(guide.url).content.decode()
    assert '<div class="code-block__highlight">' in html
    assert '<span class="k">def</span>' in html
    assert outline(html).styles == 0


def test_guide_text_follows_a_linked_guide_to_its_new_address(client):
    """The guide's text is cached between views; a change elsewhere must not leave it stale."""
    assert 'href="/guides/what-is-an-api/"' in client.get(ARTICLE_URL).content.decode()
    linked = ArticlePage.objects.get(slug="what-is-an-api")
    linked.slug = "what-an-api-is"
    linked.save_revision().publish()
    html = client.get(ARTICLE_URL).content.decode()
    assert 'href="/guides/what-an-api-is/"' in html
    assert "/guides/what-is-an-api/" not in html
    linked.unpublish()
    html = client.get(ARTICLE_URL).content.decode()
    assert "/guides/what-an-api-is/" not in html


def test_the_layers_diagram_says_what_it_shows(client):
    from blog.blocks import DIAGRAMS

    html = client.get(ARTICLE_URL).content.decode()
    diagram = DIAGRAMS["layers-api-integration-automation"]
    assert f'alt="{diagram["alt"]}"' in html
    assert 'width="720" height="448"' in html
