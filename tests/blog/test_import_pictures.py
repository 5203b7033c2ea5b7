"""Pictures from anywhere an editor's document points (blog/importer/sources.py, fetch.py): a
Markdown file's https:// pictures and Google Docs' pasted ones, fetched from a real https
server on loopback; pasted data: URIs. Each becomes an image in the library, in the chosen
collection, where it stood, with its alt text and caption; each that cannot be brought in is
named in the notes with the reason, and nothing stands in for it on the page."""

import base64
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Collection

from blog.importer import import_guide
from blog.models import ArticlePage
from tests.blog.corpus.word import png

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def imported_markdown(guide_index, user, markdown, **options):
    upload = SimpleUploadedFile("guide.md", markdown.encode(), content_type="text/markdown")
    page = import_guide(guide_index, file=upload, user=user, **options)
    return ArticlePage.objects.get(pk=page.pk)


def body(page):
    return [(block["type"], block["value"]) for block in page.body.raw_data]


def note_about(page, words):
    return next(line for line in page.import_notes.splitlines() if words in line)


def stored_size(image_id):
    image = Image.objects.get(pk=image_id)
    with image.file.open() as stored, PillowImage.open(stored) as picture:
        return picture.size, picture.format


GUIDE = """# How to send Shopify orders to QuickBooks

## Short answer

Install the QuickBooks Online Global app in Shopify, then choose how orders are summarised.

## Connect the apps

Open the app from Shopify's admin.

![Orders waiting to sync in Shopify]({base}/shopify-orders.png "Orders in Shopify's admin")

![The same screen, moved]({base}/moved.png)

![Settings screen]({base}/missing.png)

![Sync summary]({base}/slow.png)

![Sign-in page]({base}/sign-in.png)

![Full-size export]({base}/huge.png)

![Loop]({base}/loop.png)

![Bounced]({base}/to-plain-http.png)

![Old address](http://example.com/orders.png)

Orders then appear in QuickBooks as sales receipts.
"""


def test_https_pictures_are_fetched_and_the_ones_that_fail_are_named_with_why(
    guide_index, editor, picture_server
):
    screenshots = Collection.get_first_root_node().add_child(name="Guide screenshots")
    images = Image.objects.count()
    page = imported_markdown(
        guide_index, editor, GUIDE.format(base=picture_server), image_collection=screenshots
    )
    blocks = body(page)
    kinds = [kind for kind, _ in blocks]
    assert kinds[:5] == ["heading", "text", "image", "image", "text"]
    assert blocks[1][1] == "<p>Open the app from Shopify's admin.</p>"
    assert blocks[4][1] == "<p>Orders then appear in QuickBooks as sales receipts.</p>"
    first, moved = blocks[2][1], blocks[3][1]
    assert first["alt_text"] == "Orders waiting to sync in Shopify"
    assert first["caption"] == "Orders in Shopify's admin"  # the Markdown title
    assert moved["alt_text"] == "The same screen, moved" and moved["caption"] == ""
    assert stored_size(first["image"]) == ((400, 240), "PNG")
    assert stored_size(moved["image"]) == ((400, 240), "PNG")  # after its redirect
    image = Image.objects.get(pk=first["image"])
    assert image.title == "Orders waiting to sync in Shopify"
    assert image.collection == screenshots and image.uploaded_by_user == editor
    assert Image.objects.count() == images + 2

    # Nothing stands in for the others on the page, and each is in the notes with why.
    raw = str(page.body.raw_data)
    for alt in (
        *("Settings screen", "Sync summary", "Sign-in", "Full-size", "Loop", "Old address"),
        "Bounced",
    ):
        assert alt not in raw
        assert f"The picture “{alt}" in page.import_notes
    assert "answered 404 (not found)" in note_about(page, "Settings screen")
    assert "did not answer within 1 seconds" in note_about(page, "Sync summary")
    assert "gives a web page (text/html), not a picture" in note_about(page, "Sign-in page")
    assert "larger than 1 MB" in note_about(page, "Full-size export")
    assert "redirects too many times" in note_about(page, "Loop")
    assert "is not https://" in note_about(page, "Old address")
    # Each hop of a redirect is checked again: one to http:// is refused.
    assert "its address was refused: the URL must start with https://." in note_about(
        page, "Bounced"
    )
    assert note_about(page, "Settings screen").endswith("Add it with an Image block.")


def test_with_the_production_setting_a_loopback_address_is_refused_and_noted(
    guide_index, editor, picture_server, settings
):
    settings.OUTBOUND_ALLOW_PRIVATE_ADDRESSES = False  # as base.py and production have it
    images = Image.objects.count()
    page = imported_markdown(
        guide_index,
        editor,
        f"# Shopify and QuickBooks\n\nShort.\n\n## Steps\n\nOpen it.\n\n"
        f"![Orders screen]({picture_server}/shopify-orders.png)\n",
    )
    assert "image" not in [kind for kind, _ in body(page)]
    assert Image.objects.count() == images
    note = note_about(page, "Orders screen")
    assert "its address was refused: localhost resolves to a private, loopback" in note
    assert "pictures are only fetched from public addresses" in note


GOOGLE_DOCS = """<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b">
<h1 dir="ltr"><span style="font-size:20pt">How to connect Shopify to QuickBooks</span></h1>
<p dir="ltr"><span style="font-weight:700">Short answer:</span><span> use the QuickBooks app
from the Shopify App Store.</span></p>
<h2 dir="ltr"><span>Install the app</span></h2>
<p dir="ltr"><span>Search the App Store for QuickBooks.</span></p>
<p dir="ltr"><span style="border:none;display:inline-block;overflow:hidden;width:602px;height:361px;"
><img src="{base}/shopify-orders.png?key=AbC123" width="602" height="361"
alt="The QuickBooks app in the Shopify App Store" style="margin-left:0px;"></span></p>
<p dir="ltr"><span><img src="data:image/png;base64,{data}" alt="QuickBooks logo"></span></p>
<p dir="ltr"><span><img src="data:text/html;base64,PGgxPmhpPC9oMT4=" alt="Not a picture"></span></p>
<p dir="ltr"><span><img src="{base}/gone.png" alt="Connect button"></span></p>
<p dir="ltr"><span>Then sign in to QuickBooks.</span></p></b>"""


def test_pictures_pasted_from_google_docs_and_as_data_uris_are_brought_in(
    guide_index, editor, picture_server
):
    logo = base64.b64encode(png((64, 64), (44, 160, 28))).decode()
    page = import_guide(
        guide_index, html=GOOGLE_DOCS.format(base=picture_server, data=logo), user=editor
    )
    page = ArticlePage.objects.get(pk=page.pk)
    blocks = body(page)
    assert [kind for kind, _ in blocks][:5] == ["heading", "text", "image", "image", "text"]
    store, logo_block = blocks[2][1], blocks[3][1]
    assert store["alt_text"] == "The QuickBooks app in the Shopify App Store"
    assert stored_size(store["image"]) == ((400, 240), "PNG")
    assert logo_block["alt_text"] == "QuickBooks logo"
    assert stored_size(logo_block["image"]) == ((64, 64), "PNG")
    assert blocks[4][1] == "<p>Then sign in to QuickBooks.</p>"
    raw = str(page.body.raw_data)
    assert "Not a picture" not in raw and "Connect button" not in raw
    assert "pasted in the text but is not a picture" in note_about(page, "Not a picture")
    assert "answered 404" in note_about(page, "Connect button")
    assert not re.search(r"\[(Image|Picture)", raw)
