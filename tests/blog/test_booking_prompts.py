"""A guide's booking prompts: one right after the short answer and one at the end, leading to
the Health Check; an editor can switch either off for one guide."""

import pytest

from apiwise.models import SiteSettings
from blog.models import ArticlePage, Topic
from tests.helpers import ARTICLE_SLUG, ARTICLE_URL

pytestmark = pytest.mark.django_db

PROMPT = 'class="booking-prompt"'


def guide():
    return ArticlePage.objects.get(slug=ARTICLE_SLUG)


def prompts(client):
    html = client.get(ARTICLE_URL).content.decode()
    return html, html.count(PROMPT)


def test_a_guide_invites_the_reader_to_book_after_the_short_answer_and_at_the_end(client):
    html, count = prompts(client)
    assert count == 2
    # The first comes straight after the short answer, before the contents list and the text.
    short_answer = html.index('id="short-answer-heading"')
    early = html.index('id="booking-prompt-early"')
    assert short_answer < early < html.index('id="toc-heading"')
    prompt = html[early : html.index("</div>", early)]
    # The link says which guide sent the reader, for the "Which guides sell" report.
    link = f'<a class="button" href="/health-check/?from={ARTICLE_URL}">'
    assert f"{link}Book your Integration Health Check</a>" in prompt
    assert html.index('id="booking-prompt-end"') > html.index('class="guide__body')


@pytest.mark.parametrize(
    ("field", "gone"),
    [
        ("booking_prompt_after_short_answer", "booking-prompt-early"),
        ("booking_prompt_at_end", "booking-prompt-end"),
    ],
)
def test_an_editor_can_switch_either_prompt_off(client, field, gone):
    page = guide()
    setattr(page, field, False)
    page.save_revision().publish()
    html, count = prompts(client)
    assert count == 1
    assert gone not in html


def test_no_prompt_when_the_site_has_no_page_to_book_on(client):
    settings = SiteSettings.for_default_site()
    settings.default_cta_page = None
    settings.save()
    _html, count = prompts(client)
    assert count == 0


def test_a_topic_page_has_its_own_introduction_and_a_booking_prompt(client):
    index_intro = client.get("/guides/").context["page"].intro
    html = client.get("/guides/?topic=xero").content.decode()
    assert "Plain-English guides about Xero for UK businesses" in html
    assert index_intro not in html
    assert 'id="booking-prompt-topic"' in html
    assert 'href="/health-check/?from=/guides/"' in html
    # The index itself lists every guide without a prompt of its own.
    assert 'class="booking-prompt"' not in client.get("/guides/").content.decode()


def test_an_editor_writes_a_topics_introduction(client):
    Topic.objects.filter(slug="xero").update(
        introduction="Xero is where most of our clients keep their books."
    )
    html = client.get("/guides/?topic=xero").content.decode()
    assert '<p class="lede">Xero is where most of our clients keep their books.</p>' in html
    assert '<meta name="description" content="Xero is where most of our clients' in html
