"""A 1200×630 card for sharing each guide (og:image, twitter:image, Article JSON-LD image):
the guide's title and series on the site's colours, drawn with Pillow.

Made in the background on every publish (a task on the default queue) and stored as a Wagtail
image in the "Social cards" collection; the guide's previous card is deleted. A hero image,
chosen by an editor, is used instead when there is one."""

import io
import logging
import textwrap
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.tasks import task
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection

logger = logging.getLogger(__name__)

FONTS = Path(__file__).parent / "fonts"  # DejaVu Sans, Latin subset (see LICENSE.txt)
SIZE = (1200, 630)
LEADING = 1.2
NAVY, NAVY_DARK, TINT = "#0b3d5c", "#072a40", "#e6eff5"
ACCENT, WHITE = "#e0762b", "#ffffff"  # the site's orange, lightened for navy
COLLECTION = "Social cards"


def _font(size, bold=True):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def _title_lines(draw, title, width, height):
    """The title wrapped to the box, at the largest size (64 down to 36 px) that fits."""
    for size in range(64, 34, -4):
        font = _font(size)
        average = draw.textlength("abcdefghijklmnopqrstuvwxyz", font=font) / 26
        lines = textwrap.wrap(title, width=max(10, int(width / average)))
        fits = all(draw.textlength(line, font=font) <= width for line in lines)
        if fits and len(lines) * size * LEADING <= height:
            return font, lines
    return font, textwrap.wrap(title, width=48)[:5]


def render(title, kicker, site_name):
    """The card as PNG bytes. `kicker` is the small line above the title (the series)."""
    image = Image.new("RGB", SIZE, NAVY)
    draw = ImageDraw.Draw(image)
    # A quiet pattern of connected nodes on the right: systems talking to each other.
    for x, y in ((980, 150), (1100, 300), (960, 430), (1120, 520)):
        draw.line([(1040, 330), (x, y)], fill=NAVY_DARK, width=6)
        draw.rounded_rectangle([x - 34, y - 34, x + 34, y + 34], 14, fill=NAVY_DARK)
    draw.rounded_rectangle([990, 280, 1090, 380], 22, fill=TINT)
    draw.ellipse([1026, 316, 1054, 344], fill=ACCENT)

    left, width = 80, 800
    draw.rectangle([left, 92, left + 64, 100], fill=ACCENT)
    draw.text((left, 122), kicker.upper(), font=_font(26), fill=TINT)
    font, lines = _title_lines(draw, title, width, height=300)
    y = 180
    for line in lines:
        draw.text((left, y), line, font=font, fill=WHITE)
        y += int(font.size * LEADING)
    # The site's mark and name at the foot.
    foot = 524
    draw.rounded_rectangle([left, foot, left + 56, foot + 56], 12, fill=WHITE)
    draw.text((left + 9, foot + 6), "{", font=_font(36), fill=NAVY)
    draw.text((left + 31, foot + 6), "}", font=_font(36), fill=NAVY)
    draw.ellipse([left + 23, foot + 23, left + 33, foot + 33], fill=ACCENT)
    draw.text((left + 76, foot + 10), site_name, font=_font(34), fill=WHITE)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION).first()
    return existing or root.add_child(name=COLLECTION)


MAX_SYSTEMS = 3


def main_systems(guide):
    """The systems a guide is about, for its card: those of its system topics (Xero, Stripe…)
    that its title names, in the title's order ("Stripe to Xero": Stripe, Xero); when the
    title names none, its system topics. Up to three, so the line fits the card."""
    systems = [topic.name for topic in guide.topics.all() if topic.is_system]
    title = guide.title.casefold()
    named = [name for name in systems if name.casefold() in title]
    named.sort(key=lambda name: title.index(name.casefold()))
    return (named or systems)[:MAX_SYSTEMS]


def kicker_for(guide):
    """The small line above the title: the guide's series and part, else "Guide" and its main
    systems (else its first topics)."""
    positions = guide.series_positions()
    if positions:
        first = positions[0]
        return f"{first['hub'].title} · Part {first['number']} of {first['total']}"
    names = main_systems(guide) or [topic.name for topic in guide.topics.all()[:2]]
    return " · ".join(["Guide", *names])


@task()
def make_social_card(page_id):
    """Make (or remake) the guide's card when its title or series changed."""
    from apiwise.models import SiteSettings
    from blog.models import ArticlePage

    guide = ArticlePage.objects.live().filter(pk=page_id).select_related("social_card").first()
    if guide is None:
        return "gone"
    kicker = kicker_for(guide)
    # The card's title says what is on it: nothing to do when that has not changed.
    title = f"Social card: {guide.title} ({kicker})"[:255]
    card = guide.social_card
    if card is not None and card.title == title:
        return "unchanged"
    site = guide.get_site()
    name = SiteSettings.for_site(site).organisation_name if site else "APIwise"
    png = ImageFile(
        io.BytesIO(render(guide.title, kicker, name)), name=f"social-card-{guide.slug}.png"
    )
    with transaction.atomic():
        if card is None:
            card = get_image_model()(collection=_collection())
        else:
            # The same image with a new picture: its old sizes go, and its old file once the
            # new one is saved for good (a rolled-back change must not point at a lost file).
            card.renditions.all().delete()
            old_file, storage = card.file.name, card.file.storage
            transaction.on_commit(lambda: storage.delete(old_file))
        card.title = title
        card.file = png
        card.save()
        ArticlePage.objects.filter(pk=guide.pk).update(social_card=card)
    return "made"


def card_on_publish(sender, instance, **kwargs):
    """page_published receiver: a guide gets a fresh card (its title may have changed), and
    so does every guide of a series hub (its series may have)."""
    from blog.models import ArticlePage, SeriesHubPage

    if isinstance(instance, ArticlePage):
        make_social_card.enqueue(instance.pk)
    elif isinstance(instance, SeriesHubPage):
        for guide_id in instance.series_items.values_list("guide_id", flat=True):
            make_social_card.enqueue(guide_id)
