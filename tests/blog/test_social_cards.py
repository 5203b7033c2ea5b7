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
