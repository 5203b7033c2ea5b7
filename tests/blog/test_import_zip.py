"""A Markdown file that comes in a .zip with its pictures (as Notion, Obsidian and most Markdown
editors export a page): each picture, found by its path relative to the Markdown file (a
Notion export's URL-encoded folder names included), becomes an image as a Word document's
do. A .zip that unpacks to far more than it packs, holds too many files, or leads outside
itself is refused with a message that says why, before anything is unpacked."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Collection

from blog.importer import ImportProblem, import_guide
from blog.models import ArticlePage
from tests.blog.corpus.word import png

pytestmark = pytest.mark.django_db

NOTION_FOLDER = "How to connect Shopify to QuickBooks 4f1c2a9e8b7d"
MARKDOWN = f"""# How to connect Shopify to QuickBooks

## Short answer

Use the QuickBooks Online Global app: it posts each day's Shopify sales to QuickBooks.

## Install the app

![The app's settings in Shopify](images/shopify-settings.png "Choose a daily summary")

Then connect your QuickBooks company.

![]({NOTION_FOLDER.replace(" ", "%20")}/quickbooks-sales-receipts.png)

![Payouts report](images/payouts.png)
"""


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def zip_bytes(files, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def import_zip(guide_index, user, data, **options):
    upload = SimpleUploadedFile("export.zip", data, content_type="application/zip")
    page = import_guide(guide_index, file=upload, user=user, **options)
    return ArticlePage.objects.get(pk=page.pk)


def test_a_zip_s_pictures_become_images_by_their_relative_paths(guide_index, editor):
    screenshots = Collection.get_first_root_node().add_child(name="Guide screenshots")
    data = zip_bytes(
        {
            f"{NOTION_FOLDER}.md": MARKDOWN,
            "images/shopify-settings.png": png((300, 200)),
            f"{NOTION_FOLDER}/quickbooks-sales-receipts.png": png((200, 100)),
        }
    )
    images = Image.objects.count()
    page = import_zip(guide_index, editor, data, image_collection=screenshots)
    blocks = [(block["type"], block["value"]) for block in page.body.raw_data]
    kinds = [kind for kind, _ in blocks]
    assert kinds[:4] == ["heading", "image", "text", "image"] and kinds.count("image") == 2
    settings_shot, receipts = blocks[1][1], blocks[3][1]
    assert settings_shot["alt_text"] == "The app's settings in Shopify"
    assert settings_shot["caption"] == "Choose a daily summary"
    assert receipts["alt_text"] == ""
    assert blocks[2][1] == "<p>Then connect your QuickBooks company.</p>"
    assert Image.objects.count() == images + 2
    first, second = (
        Image.objects.get(pk=settings_shot["image"]),
        Image.objects.get(pk=receipts["image"]),
    )
    assert first.title == "The app's settings in Shopify" and first.collection == screenshots
    assert second.title == "Quickbooks sales receipts"  # from the file name: it has no alt text
    with second.file.open() as stored, PillowImage.open(stored) as picture:
        assert picture.size == (200, 100)
    # The one missing from the .zip: named, with why, and not on the page.
    assert "Payouts report" not in str(page.body.raw_data)
    assert (
        "The picture “Payouts report” near “Install the app” could not be added to the image "
        "library: images/payouts.png is not in the .zip file."
    ) in page.import_notes
    assert "A picture near “Install the app” has no description (alt text)" in page.import_notes


def test_a_markdown_file_alone_says_its_pictures_need_a_zip(guide_index, editor):
    upload = SimpleUploadedFile("guide.md", MARKDOWN.encode(), content_type="text/markdown")
    page = ArticlePage.objects.get(pk=import_guide(guide_index, file=upload, user=editor).pk)
    assert "image" not in [block["type"] for block in page.body.raw_data]
    assert (
        "The picture “The app's settings in Shopify” near “Install the app” could not be added "
        "to the image library: the file images/shopify-settings.png did not come with the "
        "document. Upload a .zip holding the Markdown file and its pictures."
    ) in page.import_notes


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"guide.md": MARKDOWN, "bomb.png": b"\0" * (5 * 1024 * 1024)}, "more than 100 times"),
        ({"guide.md": MARKDOWN, "../../etc/cron.d/x.png": b"x"}, "leads outside it"),
        ({"guide.md": MARKDOWN, "/etc/x.png": b"x"}, "leads outside it"),
        ({"a.md": MARKDOWN, "b.md": MARKDOWN}, "holds 2 Markdown files"),
        ({"images/shopify-settings.png": png()}, "holds no Markdown file"),
        ({"guide.md": MARKDOWN, **{f"{n}.png": b"x" for n in range(200)}}, "201 files"),
    ],
)
def test_a_zip_that_is_not_one_guide_s_files_is_refused_before_unpacking(
    guide_index, editor, files, message
):
    pages = ArticlePage.objects.count()
    with pytest.raises(ImportProblem, match=message):
        import_zip(guide_index, editor, zip_bytes(files))
    assert ArticlePage.objects.count() == pages


def test_a_zip_that_unpacks_past_the_limit_is_refused(guide_index, editor, settings):
    settings.GUIDE_IMPORT_MAX_ZIP_MB = 1
    stored = zip_bytes(
        {"guide.md": MARKDOWN, "big.bmp": bytes(range(256)) * 5000}, zipfile.ZIP_STORED
    )
    with pytest.raises(ImportProblem, match=r"unpacks to 1\.2 MB; the import takes up to 1 MB"):
        import_zip(guide_index, editor, stored)


def test_an_unreadable_zip_is_a_clear_message_in_the_form(admin_client, guide_index):
    upload = SimpleUploadedFile("export.zip", b"PK\x03\x04 not really", "application/zip")
    response = admin_client.post("/admin/guides/import/", {"file": upload})
    assert response.status_code == 200
    assert "That .zip file could not be read" in response.content.decode()
