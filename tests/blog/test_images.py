"""Guides with real images: responsive <picture> markup, social images and a fixed query count."""

import io
import json
import re

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PillowImage
from wagtail.images.models import Image

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered_not_cached")]


@pytest.fixture
def photo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), (11, 61, 92)).save(buffer, "JPEG")
    return Image.objects.create(
        title="Two systems connected", file=ImageFile(buffer, name="systems.jpg")
    )


@pytest.fixture
def illustrated(article, photo):
    article.hero_image = photo
    article.hero_image_alt = "A shop and an accounts package joined by a cable"
    article.save_revision().publish()
    return article


def test_hero_image_is_a_responsive_picture_with_its_size_set(client, illustrated):
    html = client.get(illustrated.url).content.decode()
    hero = re.search(r'<figure class="guide__hero">(.*?)</figure>', html, re.S).group(1)
    assert re.search(r'<source[^>]*type="image/avif"', hero)
    assert re.search(r'<source[^>]*type="image/webp"', hero)
    img = re.search(r"<img[^>]*>", hero).group(0)
    assert 'alt="A shop and an accounts package joined by a cable"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert 'sizes="(min-width: 64em) 46rem, 100vw"' in hero
    # The hero is the largest thing above the fold: fetched first, never lazily.
    assert 'loading="lazy"' not in img


def test_hero_image_is_the_social_and_structured_data_image(client, illustrated):
    html = client.get(illustrated.url).content.decode()
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert og_image.startswith("http") and og_image.endswith(".jpg")
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    blocks = [
        json.loads(text)
        for text in re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html)
    ]
    article_ld = next(b for b in blocks if b["@type"] == "Article")
    assert article_ld["image"] == og_image


def test_guide_cards_show_lazy_pictures_in_a_fixed_number_of_queries(
    client, illustrated, guide_index
):
    client.get(guide_index.url)  # the first visit creates the renditions
    with CaptureQueriesContext(connection) as queries:
        html = client.get(guide_index.url).content.decode()
    assert len(queries) <= 15
    card = re.search(r'<div class="card__image">(.*?)</div>', html, re.S).group(1)
    assert re.search(r'<source[^>]*type="image/avif"', card)
    assert 'loading="lazy"' in card and re.search(r'width="\d+"', card)


def test_guide_with_a_hero_image_stays_within_the_query_budget(client, illustrated):
    client.get(illustrated.url)  # the first visit creates the renditions
    with CaptureQueriesContext(connection) as queries:
        assert client.get(illustrated.url).status_code == 200
    assert len(queries) <= 15
