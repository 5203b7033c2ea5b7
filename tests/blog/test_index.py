"""The guide index: newest first, 12 a page, topic filter, pagination edge cases."""

import datetime as dt
import math
import re

import pytest
from wagtail.models import PageViewRestriction

from blog.models import ArticlePage
from blog.models.index import GUIDES_PER_PAGE
from tests.helpers import assert_accessible_markup

pytestmark = pytest.mark.django_db


def cards(html):
    return html.count('class="card guide-card"')


def card_links(html):
    return re.findall(r'<a class="card__link" href="([^"]+)"', html)


@pytest.fixture
def three_pages_of_guides(make_guide):
    """Enough guides for three pages of the index, and two pages of Xero guides; the newest
    are dated today."""
    listed = ArticlePage.objects.listed()
    wanted = max(2 * GUIDES_PER_PAGE + 4 - listed.count(), GUIDES_PER_PAGE + 1)
    today = dt.date.today()
    for n in range(wanted):
        make_guide(f"generated-guide-{n}", date=today - dt.timedelta(days=n), topics=["xero"])
    return ArticlePage.objects.listed()


def test_index_lists_newest_first_twelve_a_page(client, three_pages_of_guides):
    guides = list(three_pages_of_guides)
    html = client.get("/guides/").content.decode()
    assert cards(html) == GUIDES_PER_PAGE
    assert html.index(guides[0].url) < html.index(guides[1].url)
    assert f"{guides[0].date.day} {guides[0].date:%b %Y}" in html and "min read" in html
    assert f"{len(guides)} guides" in html
    pages = math.ceil(len(guides) / GUIDES_PER_PAGE)
    last_page = client.get(f"/guides/?page={pages}").content.decode()
    assert cards(last_page) == len(guides) - (pages - 1) * GUIDES_PER_PAGE
    assert guides[-1].url in last_page and guides[-1].url not in html
    assert_accessible_markup(html)


@pytest.mark.parametrize("beyond", [1, 99, 999999])
def test_a_page_beyond_the_last_is_a_404_not_a_copy_of_the_last(
    client, three_pages_of_guides, beyond
):
    pages = math.ceil(three_pages_of_guides.count() / GUIDES_PER_PAGE)
    assert client.get(f"/guides/?page={pages}").status_code == 200
    assert client.get(f"/guides/?page={pages + beyond}").status_code == 404


def test_pagination_links_the_first_page_by_its_own_address(client, three_pages_of_guides):
    second = client.get("/guides/?page=2").content.decode()
    nav = second[second.index('class="pagination"') :]
    assert 'href="/guides/" rel="prev"' in nav
    assert "page=1" not in nav


def test_pagination_shows_a_window_of_page_links(client, make_guide, monkeypatch):
    # Twelve pages of guides: two a page, so that twelve pages need a score of guides, not 72.
    monkeypatch.setattr("blog.models.index.GUIDES_PER_PAGE", 2)
    for n in range(2 * 12 - ArticlePage.objects.listed().count()):
        make_guide(f"many-{n}")
    html = client.get("/guides/?page=6").content.decode()
    nav = html[html.index('class="pagination"') :]
    numbers = [int(n) for n in re.findall(r'<span class="visually-hidden">Page </span>(\d+)', nav)]
    assert numbers[0] == 1 and 4 in numbers and 8 in numbers and 6 in numbers
    assert len(numbers) < 12 and "…" in nav


@pytest.mark.parametrize("page", ["abc", "-1", "0", "1.5", "%00", "1;DROP", "²", "①", "٣"])
def test_junk_page_number_is_a_404_not_a_500(client, page):
    response = client.get("/guides/", {"page": page})
    assert response.status_code == 404


def test_topic_filter_is_shareable_and_links_from_cards(client):
    response = client.get("/guides/?topic=xero")
    html = response.content.decode()
    assert response.status_code == 200
    xero = ArticlePage.objects.listed().filter(topics__slug="xero")
    assert cards(html) == min(xero.count(), GUIDES_PER_PAGE)
    assert "Guides about Xero" in html
    for guide in ArticlePage.objects.listed().exclude(topics__slug="xero"):
        assert f'href="{guide.url}"' not in html
    assert 'href="/guides/?topic=xero" aria-current="page"' in html
    assert 'href="/guides/?topic=shopify"' in html


def test_unknown_topic_is_a_404(client):
    assert client.get("/guides/?topic=nope").status_code == 404


def test_pagination_keeps_the_topic(client, three_pages_of_guides):
    first = client.get("/guides/?topic=xero").content.decode()
    assert 'href="?page=2&amp;topic=xero"' in first
    second = client.get("/guides/?page=2&topic=xero").content.decode()
    assert "Guides about Xero" in second
    assert cards(second) > 0
    assert 'href="?page=1&amp;topic=xero"' in second or 'href="?topic=xero"' in second


def test_unpublished_and_private_guides_are_not_listed(client, make_guide):
    make_guide("draft-guide", live=False)
    private = make_guide("members-only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = client.get("/guides/").content.decode()
    assert "draft-guide" not in html and "members-only" not in html
    assert client.get("/guides/members-only/").status_code in (302, 403)
    assert client.get("/guides/draft-guide/").status_code == 404


def test_filtered_and_later_pages_are_their_own_canonical_address(
    client, guide_index, three_pages_of_guides
):
    first = client.get("/guides/").content.decode()
    assert f'<link rel="canonical" href="{guide_index.full_url}">' in first
    second = client.get("/guides/?page=2").content.decode()
    assert f'<link rel="canonical" href="{guide_index.full_url}?page=2">' in second
    xero = client.get("/guides/?topic=xero").content.decode()
    assert f'<link rel="canonical" href="{guide_index.full_url}?topic=xero">' in xero
