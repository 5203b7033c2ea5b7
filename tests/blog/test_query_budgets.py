"""Query budgets for the public pages as rendered (the page cache off): the first view after a
publish (nothing cached yet) and later views, with a few guides and with many."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from blog.models import ArticlePage, Author, RelatedGuide, Topic
from tests.helpers import ARTICLE_URL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered_not_cached")]

# What a page may cost on the first view after a publish, and on every view after that.
FIRST_VIEW_BUDGET = 32
LATER_VIEW_BUDGET = {ARTICLE_URL: 3, "/": 3, "/guides/": 6, "/guides/?topic=xero": 7}
PUBLIC_LISTS = [
    ARTICLE_URL,
    "/",
    "/guides/",
    "/guides/?topic=xero",
    "/guides/?page=2",
    "/guides/feed/",
    "/sitemap.xml",
    "/search/?q=xero",
]


def queries(client, url, django_assert_max_num_queries, first_view=False):
    """How many queries a view of `url` makes; `first_view`: as the first after a publish."""
    client.get(url)  # per-process caches (content types) are warm on a running site
    if first_view:
        cache.clear()
    budget = FIRST_VIEW_BUDGET if first_view else LATER_VIEW_BUDGET.get(url, 12)
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def set_related(article, count):
    RelatedGuide.objects.filter(page=article).delete()
    others = ArticlePage.objects.exclude(pk=article.pk).order_by("pk")[:count]
    for n, guide in enumerate(others):
        RelatedGuide.objects.create(page=article, guide=guide, sort_order=n)


@pytest.mark.parametrize("first_view", [True, False], ids=["first view", "later views"])
def test_the_guide_costs_the_same_with_one_related_guide_or_six(
    client, article, django_assert_max_num_queries, first_view
):
    set_related(article, 1)
    with_one = queries(client, ARTICLE_URL, django_assert_max_num_queries, first_view)
    set_related(article, 6)
    with_six = queries(client, ARTICLE_URL, django_assert_max_num_queries, first_view)
    assert with_one == with_six


def test_the_guide_costs_the_same_with_more_topics_and_authors(
    client, article, django_assert_max_num_queries
):
    before = queries(client, ARTICLE_URL, django_assert_max_num_queries, first_view=True)
    article.topics = list(Topic.objects.all())
    # Authors without photos, like the guide's own (a photo adds its renditions' query once).
    others = Author.objects.filter(photo__isnull=True)
    article.authors = [*others, Author.objects.create(name="Second Author")]
    article.save_revision().publish()
    after = queries(client, ARTICLE_URL, django_assert_max_num_queries, first_view=True)
    assert after == before
    html = client.get(ARTICLE_URL).content.decode()
    assert "Second Author" in html and "GoCardless" in html


def test_a_topic_page_costs_one_query_more_than_the_index(client, django_assert_max_num_queries):
    page_one = queries(client, "/guides/", django_assert_max_num_queries)
    filtered = queries(client, "/guides/?topic=xero", django_assert_max_num_queries)
    assert filtered == page_one + 1  # the topic itself


def test_public_pages_cost_the_same_with_forty_more_guides(client, django_assert_max_num_queries):
    def costs():
        return {
            url: (
                queries(client, url, django_assert_max_num_queries, first_view=True),
                queries(client, url, django_assert_max_num_queries),
            )
            for url in PUBLIC_LISTS
        }

    before = costs()
    call_command("generate_guides", "40", stdout=open("/dev/null", "w"))  # noqa: SIM115
    after = costs()
    assert after == before
    # The index shows a window of page links, not one per page.
    html = client.get("/guides/").content.decode()
    assert html.count('<span class="visually-hidden">Page </span>') <= 8
    assert 'class="pagination__gap"' in html
