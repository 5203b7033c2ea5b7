"""Guides as editors and visitors see them: reading time, related guides, series."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from blog.blocks import FaqItemBlock, GuideTableBlock, table_value
from blog.models import ArticlePage, RelatedGuide, SeriesHubPage, SeriesItem
from blog.reading_time import reading_time

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("words", "minutes"), [(0, 1), (1, 1), (230, 1), (231, 2), (460, 2), (461, 3), (1217, 6)]
)
def test_reading_time_is_230_words_a_minute_rounded_up_at_least_one(words, minutes):
    assert reading_time(" ".join(["word"] * words)) == minutes


def test_reading_time_ignores_markup():
    assert reading_time("<p>" + "<b>word</b> " * 231 + "</p>") == 2


def test_reading_time_is_computed_on_publish_not_typed(make_guide):
    guide = make_guide("long-read", body_words=700)
    assert guide.reading_time == 4
    assert "reading_time" not in ArticlePage.get_edit_handler().get_form_class()._meta.fields
    guide.body = [{"type": "text", "value": "<p>short</p>"}]
    guide.save_revision().publish()
    guide.refresh_from_db()
    assert guide.reading_time == 1


def test_every_guide_stores_the_reading_time_of_its_own_text(guide_index):
    for guide in ArticlePage.objects.all():
        words = guide.body.stream_block.get_searchable_content(guide.body)
        assert guide.reading_time == reading_time(*words), guide.slug


def test_related_guides_keep_staff_choices_in_order_then_shared_topics_then_date(make_guide):
    old_xero = make_guide("old-xero", topics=["xero"], date=datetime.date(2020, 1, 1))
    chosen = make_guide("chosen-one", date=datetime.date(2019, 1, 1))
    page = make_guide("subject", topics=["xero", "stripe"], related=[chosen])
    related = page.related_guides()
    assert related[0] == chosen
    # Guides sharing two topics beat those sharing one, which beat newer unrelated ones.
    shared_two = ArticlePage.objects.get(slug="connect-stripe-to-xero")
    assert related[1] == shared_two
    assert old_xero in related or len(related) == 6
    assert page not in related
    assert len(related) == 6


def test_related_guides_never_include_unpublished_or_private_guides(make_guide, article):
    hidden = make_guide("hidden-guide", topics=["api-basics", "zapier", "make", "ipaas"])
    secret = make_guide("secret-guide", topics=["api-basics", "zapier", "make", "ipaas"])
    RelatedGuide.objects.filter(page=article).delete()
    RelatedGuide.objects.create(page=article, guide=hidden, sort_order=0)
    RelatedGuide.objects.create(page=article, guide=secret, sort_order=1)
    assert article.related_guides()[:2] == [hidden, secret]
    hidden.unpublish()
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    related = ArticlePage.objects.get(pk=article.pk).related_guides()
    assert hidden not in related and secret not in related
    assert len(related) == 6


def test_series_shows_part_number_previous_and_next(article):
    (position,) = article.series_positions()
    assert (position["number"], position["total"]) == (3, 4)
    assert position["previous"].slug == "what-can-apis-do-for-your-business"
    assert position["next"].slug == "do-i-need-an-api"
    assert position["hub"].title == "API basics hub"


def test_first_and_last_in_series_have_no_previous_or_next():
    first = ArticlePage.objects.get(slug="what-is-an-api").series_positions()[0]
    last = ArticlePage.objects.get(slug="do-i-need-an-api").series_positions()[0]
    assert first["previous"] is None and first["number"] == 1
    assert last["next"] is None and last["number"] == 4


def test_unpublished_guide_drops_out_of_series_numbering():
    ArticlePage.objects.get(slug="what-can-apis-do-for-your-business").unpublish()
    position = ArticlePage.objects.get(
        slug="apis-vs-integrations-vs-automation"
    ).series_positions()[0]
    assert (position["number"], position["total"]) == (2, 3)
    assert position["previous"].slug == "what-is-an-api"


def test_a_guide_can_be_in_two_series(guide_index, article):
    hub = SeriesHubPage(title="Buying integrations", slug="buying")
    guide_index.add_child(instance=hub)
    hub.save_revision().publish()
    stripe = ArticlePage.objects.live().get(slug="connect-stripe-to-xero")
    SeriesItem.objects.create(hub=hub, guide=article, position=1)
    SeriesItem.objects.create(hub=hub, guide=stripe, position=2)
    positions = {p["hub"].title: p for p in article.series_positions()}
    assert positions["Buying integrations"]["number"] == 1
    assert positions["Buying integrations"]["total"] == 2
    assert positions["API basics hub"]["number"] == 3


def test_faq_needs_a_question_and_an_answer_in_plain_english():
    block = FaqItemBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"question": "", "answer": ""}))
    messages = {key: err.messages for key, err in error.value.block_errors.items()}
    assert messages == {
        "question": ["Every FAQ needs a question."],
        "answer": ["Every FAQ needs an answer."],
    }
    ok = block.clean(block.to_python({"question": "Why?", "answer": "<p>Because.</p>"}))
    assert ok["question"] == "Why?"


def test_a_table_needs_a_caption_and_a_filled_row_below_its_header():
    block = GuideTableBlock()
    good = table_value("Routes compared", ["Route", "Cost"], [["App", "Monthly"]])
    assert block.clean(block.to_python(good))["first_row_is_table_header"] is True
    with pytest.raises(ValidationError, match="caption"):
        block.clean(block.to_python({**good, "table_caption": " "}))
    empty_grid = {**good, "data": [["Route", "Cost"], ["", ""], [None, None]]}
    with pytest.raises(ValidationError, match="header row and at least one row"):
        block.clean(block.to_python(empty_grid))


def test_a_pasted_table_renders_with_its_caption_and_scoped_headers():
    html = GuideTableBlock().render(
        table_value("Routes compared", ["Route", "Cost"], [["App", "£ a month"], ["Custom", None]])
    )
    assert '<caption id="table-routes-compared">Routes compared</caption>' in html
    assert '<th scope="col">Cost</th>' in html
    # Each cell carries its column's heading, the label it shows on a phone.
    assert '<th scope="row">App</th><td data-label="Cost">£ a month' in html
    assert '<th scope="row">Custom</th><td data-label="Cost"></td>' in html


def test_a_guide_below_an_alias_of_a_private_index_is_private_too(client, guide_index):
    """Wagtail gives an alias its source page's view restrictions; so does our one-query
    lookup, for the pages below the alias."""
    from wagtail.models import Page, PageViewRestriction

    copy = guide_index.create_alias(parent=guide_index.get_parent(), update_slug="guides-copy")
    guide = ArticlePage(title="Below the copy", slug="below-the-copy", summary="s", body=[])
    copy.add_child(instance=guide)
    guide.save_revision().publish()
    assert client.get(guide.url).status_code == 200

    PageViewRestriction.objects.create(page=guide_index, restriction_type="login")
    guide = ArticlePage.objects.get(pk=guide.pk)
    assert set(guide.get_view_restrictions()) == set(Page.get_view_restrictions(guide))
    response = client.get(guide.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
