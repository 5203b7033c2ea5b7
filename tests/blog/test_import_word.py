"""Word documents as editors write them (blog/importer): pictures with alt text and captions
become image blocks in the image library, Word's list styles nest, and the draft is finished
(author, call to action, a standfirst that does not repeat the short answer). Every document
is built here, by hand, with Word's own styles; none comes from the demo content."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Collection

from blog.importer import import_guide
from blog.models import ArticlePage
from tests.blog.corpus.word import DOCX_TYPE, add_picture, add_table, docx_bytes, new_document, png

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered_not_cached")]

IMPORT_URL = "/admin/guides/import/"
HUBSPOT = "How to connect HubSpot to Sage Accounting"
SCREENSHOT_ALT = "HubSpot's Connected apps screen with Sage Accounting listed"
SCREENSHOT_CAPTION = "Figure 1: Sage Accounting in HubSpot's Connected apps"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type=DOCX_TYPE)


def hubspot_guide(alt=SCREENSHOT_ALT, caption=SCREENSHOT_CAPTION):
    """A guide as an editor writes it in Word: a title, a short answer, a screenshot with alt
    text and a caption in the middle of a section, and an FAQ."""
    document = new_document()
    document.add_heading(HUBSPOT, level=1)
    document.add_heading("Short answer", level=2)
    document.add_paragraph(
        "Connect them with HubSpot's Sage Accounting app, then choose which contacts and "
        "invoices to sync. Most firms are done in an afternoon."
    )
    document.add_heading("Install the app", level=2)
    document.add_paragraph("In HubSpot, open the App Marketplace and search for Sage.")
    add_picture(document, png(), alt=alt, caption=caption)
    document.add_paragraph("Then sign in to Sage when HubSpot asks.")
    document.add_heading("Frequently asked questions", level=2)
    document.add_heading("Does it cost extra?", level=3)
    document.add_paragraph("No: the app is free with any paid HubSpot plan.")
    return document


def body(page):
    return [(block["type"], block["value"]) for block in page.body.raw_data]


def published_html(client, page):
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


# --- Pictures ------------------------------------------------------------------------------


def test_a_picture_becomes_an_image_block_where_it_stood(guide_index, admin_user, client):
    screenshots = Collection.get_first_root_node().add_child(name="Guide screenshots")
    page = import_guide(
        guide_index,
        file=upload("hubspot-sage.docx", docx_bytes(hubspot_guide())),
        user=admin_user,
        image_collection=screenshots,
    )
    page = ArticlePage.objects.get(pk=page.pk)
    blocks = body(page)
    assert [kind for kind, _ in blocks] == ["heading", "text", "image", "text", "faq"]
    assert blocks[1][1] == "<p>In HubSpot, open the App Marketplace and search for Sage.</p>"
    assert blocks[3][1] == "<p>Then sign in to Sage when HubSpot asks.</p>"
    # The Caption paragraph is the image's caption, not a paragraph of the text.
    image_value = blocks[2][1]
    assert image_value["alt_text"] == SCREENSHOT_ALT
    assert image_value["caption"] == SCREENSHOT_CAPTION
    assert "Figure 1" not in str(page.body.raw_data[3]["value"])

    image = Image.objects.get(pk=image_value["image"])
    assert image.title == SCREENSHOT_ALT
    assert image.collection == screenshots
    assert image.uploaded_by_user == admin_user
    with image.file.open() as stored, PillowImage.open(stored) as picture:
        assert picture.size == (320, 180) and picture.format == "PNG"
    assert page.import_notes == ""

    # What a reader sees: the picture with its alt text and the caption under it.
    html = published_html(client, page)
    figure = re.search(r'<figure class="image-block">(.*?)</figure>', html, re.S).group(1)
    img = re.search(r"<img[^>]*>", figure).group(0)
    assert f'alt="{SCREENSHOT_ALT.replace("'", "&#x27;")}"' in img
    assert re.search(r'src="[^"]*/images/[^"]+"', img)
    caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", figure, re.S).group(1)
    assert caption.strip() == SCREENSHOT_CAPTION.replace("'", "&#x27;")
    assert html.index("search for Sage.") < html.index("<figure") < html.index("sign in to Sage")


def test_a_picture_without_alt_text_is_titled_after_the_guide_and_noted(guide_index, admin_user):
    document = hubspot_guide(alt="", caption="")
    page = import_guide(guide_index, file=upload("h.docx", docx_bytes(document)), user=admin_user)
    page = ArticlePage.objects.get(pk=page.pk)
    image_value = dict(body(page))["image"]
    assert image_value["alt_text"] == "" and image_value["caption"] == ""
    image = Image.objects.get(pk=image_value["image"])
    assert image.title == f"{HUBSPOT}: picture 1"
    assert image.collection == Collection.get_first_root_node()  # the library's default
    assert (
        "A picture near “Install the app” has no description (alt text): describe it"
        in page.import_notes
    )


def replace_media(data, replacement):
    """The .docx with its (only) picture's bytes replaced, as a damaged file has them."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("word/media/"):
                content = replacement
            target.writestr(info, content)
    return buffer.getvalue()


def test_a_picture_that_cannot_be_brought_in_is_listed_not_left_as_text(guide_index, admin_user):
    images = Image.objects.count()
    data = replace_media(docx_bytes(hubspot_guide()), b"\x89PNG but the rest is gone")
    page = import_guide(guide_index, file=upload("h.docx", data), user=admin_user)
    page = ArticlePage.objects.get(pk=page.pk)
    blocks = body(page)
    assert [kind for kind, _ in blocks] == ["heading", "text", "text", "faq"]
    assert SCREENSHOT_ALT not in str(page.body.raw_data)
    assert "[Image" not in str(page.body.raw_data)
    assert Image.objects.count() == images
    note = next(line for line in page.import_notes.splitlines() if SCREENSHOT_ALT in line)
    assert note.startswith(f"• The picture “{SCREENSHOT_ALT}” near “Install the app” could not")
    assert note.endswith("Add it with an Image block.")


def test_a_markdown_image_leaves_no_placeholder_and_is_named_in_the_notes(guide_index, admin_user):
    markdown = b"# Layers\n\nThe short answer.\n\n## How\n\nBefore.\n\n![Three layers](l.png)\n"
    page = import_guide(
        guide_index,
        file=SimpleUploadedFile("l.md", markdown, content_type="text/markdown"),
        user=admin_user,
    )
    page = ArticlePage.objects.get(pk=page.pk)
    assert body(page)[1] == ("text", "<p>Before.</p>")
    assert "An image (“Three layers”) near “How” was not imported" in page.import_notes


def test_the_import_form_offers_the_collections_and_uses_the_one_chosen(admin_client, guide_index):
    screenshots = Collection.get_first_root_node().add_child(name="Guide screenshots")
    form = admin_client.get(IMPORT_URL).content.decode()
    select = re.search(r'<select name="image_collection"[^>]*>(.*?)</select>', form, re.S)
    assert select, "the form has no collection to choose"
    options = re.findall(r"<option[^>]*>(.*?)</option>", select.group(1), re.S)
    assert any(option.strip().endswith("Guide screenshots") for option in options)
    assert re.search(r"<option[^>]*selected[^>]*>\s*Root", select.group(1))

    data = docx_bytes(hubspot_guide())
    response = admin_client.post(
        IMPORT_URL, {"file": upload("h.docx", data), "image_collection": screenshots.pk}
    )
    page = ArticlePage.objects.get(title=HUBSPOT)
    assert response.status_code == 302
    image = Image.objects.get(pk=dict(body(page))["image"]["image"])
    assert image.collection == screenshots


def test_a_table_caption_in_word_s_caption_style_is_the_table_s(guide_index, admin_user):
    document = new_document()
    document.add_heading("Sage or Xero", level=1)
    document.add_paragraph("Both work; the table says where each is stronger.")
    document.add_heading("Compared", level=2)
    document.add_paragraph("Table 1: Sage and Xero compared", style="Caption")
    add_table(document, [["Feature", "Sage", "Xero"], ["Payroll", "Yes", "Add-on"]])
    page = import_guide(guide_index, file=upload("t.docx", docx_bytes(document)), user=admin_user)
    page = ArticlePage.objects.get(pk=page.pk)
    (kind, table), *_ = body(page)[1:]
    assert kind == "table"
    assert table["table_caption"] == "Sage and Xero compared"
    assert table["data"] == [["Feature", "Sage", "Xero"], ["Payroll", "Yes", "Add-on"]]
    assert "Sage and Xero compared" not in str(page.body.raw_data[0])
