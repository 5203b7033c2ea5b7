import pytest
from wagtail.models import Page

from blog.models import ArticlePage, GuideIndexPage, RelatedGuide, Topic
from tests.helpers import ARTICLE_SLUG


@pytest.fixture
def guide_index(db):
    return GuideIndexPage.objects.get(slug="guides")


@pytest.fixture
def article(db):
    return ArticlePage.objects.get(slug=ARTICLE_SLUG)


@pytest.fixture
def make_guide(guide_index):
    """Publish a guide under the index."""

    def make(slug, title=None, topics=(), date=None, body_words=10, related=(), live=True):
        page = ArticlePage(
            title=title or slug.replace("-", " ").title(),
            slug=slug,
            summary=f"Summary of {slug}.",
            body=[{"type": "text", "value": "<p>" + " ".join(["word"] * body_words) + "</p>"}],
        )
        if date:
            page.date = date
        page.topics = [Topic.objects.get(slug=t) for t in topics]
        page.related_links = [RelatedGuide(guide=g, sort_order=n) for n, g in enumerate(related)]
        guide_index.add_child(instance=page)
        if live:
            page.save_revision().publish()
        else:
            page.live = False
            page.save_revision()
            Page.objects.filter(pk=page.pk).update(live=False)
        return ArticlePage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def rendered_not_cached(settings):
    """Query budgets are for pages as rendered: a visitor the page cache serves costs none."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def editor(django_user_model):
    """A staff member with a name, as editors have: the guides they import are credited to
    them."""
    return django_user_model.objects.create_superuser(
        "sam", "sam@example.com", "pw", first_name="Sam", last_name="Writer"
    )
