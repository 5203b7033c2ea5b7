"""A guide's sharing image (social card) is remade when its title changes, and a change that
does not go through leaves the old card whole."""

from pathlib import Path

import pytest
from django.db import transaction

from blog.models import ArticlePage
from tests.helpers import ARTICLE_SLUG

pytestmark = pytest.mark.django_db


def test_a_retitle_that_is_rolled_back_leaves_the_old_card_and_its_file():
    guide = ArticlePage.objects.get(slug=ARTICLE_SLUG)
    card = guide.social_card
    old_file = Path(card.file.path)
    assert old_file.exists()

    with pytest.raises(RuntimeError), transaction.atomic():
        guide.title = "APIs, integrations and automation: what each one is for"
        guide.save_revision().publish()
        # The card was remade inside the change...
        assert ArticlePage.objects.get(pk=guide.pk).social_card.title.startswith(
            "Social card: APIs, integrations and automation: what each"
        )
        raise RuntimeError("the change fails after the card was made")

    # ...which did not go through: the page still names the old card, whose file is there.
    card.refresh_from_db()
    assert Path(card.file.path) == old_file and old_file.exists()
    assert card.title.startswith("Social card: APIs vs Integrations")


def test_a_guide_about_two_systems_names_both_on_its_card():
    """The Stripe–Xero guide (topics Make, Stripe, Xero, Zapier) once got "Make · Stripe"."""
    from blog.social_cards import kicker_for, main_systems, render

    guide = ArticlePage.objects.get(slug="connect-stripe-to-xero")
    assert main_systems(guide) == ["Stripe", "Xero"]
    assert kicker_for(guide) == "Guide · Stripe · Xero"
    # The card stored for it was drawn with those words, and they change the picture.
    assert guide.social_card.title == f"Social card: {guide.title} (Guide · Stripe · Xero)"
    with_both = render(guide.title, kicker_for(guide), "APIwise")
    assert with_both != render(guide.title, "Guide · Make · Stripe", "APIwise")
    assert with_both[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_title_naming_no_system_falls_back_to_the_guides_systems():
    from blog.models import Topic
    from blog.social_cards import main_systems

    guide = ArticlePage.objects.get(slug="connect-stripe-to-xero")
    guide.title = "Taking card payments into your books"
    assert (
        main_systems(guide)
        == sorted(
            (t.name for t in guide.topics.all() if t.is_system),
            key=[t.name for t in guide.topics.all()].index,
        )[:3]
    )
    assert set(main_systems(guide)) <= set(Topic.objects.systems().values_list("name", flat=True))
