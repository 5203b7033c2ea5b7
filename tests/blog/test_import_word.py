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
from blog.models import ArticlePage, Author
from bookings.models import HealthCheckPage
from tests.blog.corpus.hubspot_sage import (
    HUBSPOT,
    INTRODUCTION,
    SCREENSHOT_ALT,
    SCREENSHOT_CAPTION,
    SHORT_ANSWER,
    hubspot_guide,
)
from tests.blog.corpus.word import (
    DOCX_TYPE,
    add_table,
    docx_bytes,
    new_document,
)
from tests.helpers import text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered_not_cached")]

IMPORT_URL = "/admin/guides/import/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type=DOCX_TYPE)


def body(page):
    return [(block["type"], block["value"]) for block in page.body.raw_data]


def published_html(client, page):
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


# --- Pictures ------------------------------------------------------------------------------


def test_a_picture_becomes_an_image_block_where_it_stood(guide_index, editor, client):
    screenshots = Collection.get_first_root_node().add_child(name="Guide screenshots")
    page = import_guide(
        guide_index,
        file=upload("hubspot-sage.docx", docx_bytes(hubspot_guide())),
        user=editor,
        image_collection=screenshots,
    )
    page = ArticlePage.objects.get(pk=page.pk)
    blocks = body(page)[:4]
    assert [kind for kind, _ in blocks] == ["heading", "text", "image", "text"]
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
    assert image.uploaded_by_user == editor
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
    blocks = body(page)[:3]
    assert [kind for kind, _ in blocks] == ["heading", "text", "text"]
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
    assert (
        "The picture “Three layers” near “How” could not be added to the image library: the "
        "file l.png did not come with the document."
    ) in page.import_notes


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


# --- A finished draft ------------------------------------------------------------------------


def test_a_guide_written_in_word_is_a_finished_draft(guide_index, editor, client):
    page = import_guide(
        guide_index, file=upload("hubspot-sage.docx", docx_bytes(hubspot_guide())), user=editor
    )
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.import_notes == ""
    assert page.title == HUBSPOT  # Word's Title style
    # The short answer once, without its label; the introduction is the standfirst and is
    # not repeated in the body.
    assert page.short_answer == f"<p>{SHORT_ANSWER}</p>"
    assert page.summary == INTRODUCTION
    raw = str(page.body.raw_data)
    assert "Short answer" not in raw and "typing the same customer" not in raw
    assert "sync. Most firms" not in raw
    # The search description: the short answer cut on a word, within 160 characters.
    description = page.search_description
    assert len(description) <= 160 and description.endswith("…")
    kept = description.removesuffix("…")
    assert SHORT_ANSWER.startswith(kept) and SHORT_ANSWER[len(kept)] == " "
    assert page.seo_title == ""  # the title fits in 60 characters
    # The editor is the author, through an author profile made from their name.
    (author,) = page.authors.all()
    assert author.name == "Sam Writer" and author.user == editor

    blocks = body(page)
    kinds = [kind for kind, _ in blocks]
    assert kinds == [
        "heading", "text", "image", "text",
        "heading", "text", "table",
        "faq", "call_to_action",
    ]  # fmt: skip
    # Heading 1 sections under a Title: sections; Heading 2 under the FAQs: its questions.
    assert blocks[0][1] == {"text": "Install the app", "level": "h2", "anchor": ""}
    assert blocks[4][1] == {"text": "Choose what syncs", "level": "h2", "anchor": ""}
    assert blocks[5][1] == (
        "<ul><li>Contacts<ul><li>Companies become Sage customers</li>"
        "<li>People stay in HubSpot only</li></ul></li><li>Invoices</li></ul>"
        "<ol><li>Open Settings.</li><li>Turn on the sync.</li></ol>"
    )
    assert blocks[6][1]["table_caption"] == "What goes where"
    questions = [
        (item["value"]["question"], item["value"]["answer"]) for item in blocks[7][1]["items"]
    ]
    assert questions == [
        ("Does it cost extra?", "<p>No: the app is free with any paid HubSpot plan.</p>")
    ]
    home = guide_index.get_site().root_page.specific
    health_check = HealthCheckPage.objects.get()
    assert blocks[8][1] == {
        "heading": home.cta_heading,
        "text": f"<p>{home.cta_text}</p>",
        "button_label": home.cta_button_label,
        "page": health_check.pk,
    }

    # What a reader sees on the live page.
    html = published_html(client, page)
    assert f'<p class="lede guide__standfirst">{INTRODUCTION}</p>'.replace("'", "&#x27;") in html
    assert "<dt>Written by</dt><dd>Sam Writer</dd>" in html
    assert "<li>Contacts<ul><li>Companies become Sage customers</li>" in html
    main = re.search(r"<main\b.*?</main>", html, re.S).group(0)
    assert text_of(main).count("Most firms are done in an afternoon") == 1
    button = re.search(r'<p class="cta-panel__action"><a class="button" href="([^"]+)">', html)
    assert button and button.group(1).startswith(health_check.url)


def test_the_author_profile_is_found_or_linked_not_duplicated(guide_index, editor):
    unlinked = Author.objects.create(name="Sam Writer", role="Integration lead")
    data = docx_bytes(hubspot_guide())
    first = import_guide(guide_index, file=upload("a.docx", data), user=editor)
    second = import_guide(guide_index, file=upload("b.docx", data), user=editor)
    unlinked.refresh_from_db()
    assert unlinked.user == editor  # the existing author of that name, now linked
    assert list(ArticlePage.objects.get(pk=first.pk).authors.all()) == [unlinked]
    assert list(ArticlePage.objects.get(pk=second.pk).authors.all()) == [unlinked]
    assert Author.objects.filter(name="Sam Writer").count() == 1


def test_without_an_introduction_the_standfirst_is_left_to_the_editor(guide_index, admin_user):
    document = new_document()
    document.add_heading("Xero and Stripe", level=1)
    document.add_heading("Short answer", level=2)
    document.add_paragraph("Use Stripe’s Xero app for payouts.")
    document.add_heading("Why payouts", level=2)
    document.add_paragraph("Because fees are netted off.")
    page = import_guide(guide_index, file=upload("x.docx", docx_bytes(document)), user=admin_user)
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.summary == ""  # not the short answer again
    assert page.short_answer == "<p>Use Stripe’s Xero app for payouts.</p>"
    notes = page.import_notes
    assert "The guide has no standfirst yet" in notes
    # An account without a name gets no author made up from its user name.
    assert list(page.authors.all()) == []
    assert "The guide has no author: your account has no name to credit" in notes
    assert page.latest_revision.as_object().summary == ""


def test_a_call_to_action_of_the_document_s_own_is_the_only_one(guide_index, editor):
    health_check = HealthCheckPage.objects.get()
    document = hubspot_guide()
    document.add_heading("How APIwise can help", level=1)
    document.add_paragraph("We connect HubSpot and Sage for you, and test it with your data.")
    page = import_guide(guide_index, file=upload("h.docx", docx_bytes(document)), user=editor)
    page = ArticlePage.objects.get(pk=page.pk)
    calls = [value for kind, value in body(page) if kind == "call_to_action"]
    assert calls == [
        {
            "heading": "How APIwise can help",
            "text": "<p>We connect HubSpot and Sage for you, and test it with your data.</p>",
            "button_label": "",
            "page": health_check.pk,
        }
    ]


def test_the_site_settings_default_call_to_action_wins_over_the_home_page_s(guide_index, editor):
    from apiwise.models import SiteSettings

    settings = SiteSettings.for_site(guide_index.get_site())
    settings.default_cta_heading = "Stuck connecting HubSpot?"
    settings.default_cta_text = "Our Health Check finds what to fix first.\n\nFixed price."
    settings.default_cta_button_label = "Book a Health Check"
    settings.save()
    page = import_guide(
        guide_index, file=upload("h.docx", docx_bytes(hubspot_guide())), user=editor
    )
    kind, value = body(ArticlePage.objects.get(pk=page.pk))[-1]
    assert kind == "call_to_action"
    assert value["heading"] == "Stuck connecting HubSpot?"
    assert value["text"] == "<p>Our Health Check finds what to fix first.</p><p>Fixed price.</p>"
    assert value["button_label"] == "Book a Health Check"


def test_a_long_title_gets_an_seo_title_that_fits(guide_index, editor):
    title = "How to connect HubSpot to Sage Accounting without losing a single invoice on the way"
    page = import_guide(
        guide_index,
        file=upload("h.docx", docx_bytes(hubspot_guide())),
        title=title,
        user=editor,
    )
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.title == title
    assert len(page.seo_title) <= 60 and title.startswith(page.seo_title)
    assert title[len(page.seo_title)] == " "  # ends on a whole word
    assert f"the title for search engines (Promote tab) is “{page.seo_title}”" in (
        page.import_notes
    )


def test_an_editor_who_may_not_add_images_gets_the_text_and_a_note(
    client, django_user_model, guide_index
):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    user = django_user_model.objects.create_user(
        "writer", "writer@example.com", "pw", first_name="Wren", last_name="Writer"
    )
    group = Group.objects.create(name="Guide writers without images")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=guide_index, permission_type="add")
    user.groups.add(group)
    client.force_login(user)
    images = Image.objects.count()
    form = client.get(IMPORT_URL).content.decode()
    assert 'name="image_collection"' not in form  # nothing to choose from
    response = client.post(IMPORT_URL, {"file": upload("h.docx", docx_bytes(hubspot_guide()))})
    page = ArticlePage.objects.get(title=HUBSPOT)
    assert response.status_code == 302
    assert "image" not in [kind for kind, _ in body(page)]
    assert Image.objects.count() == images
    assert "you may not add images to the image library" in page.import_notes
    assert [author.name for author in page.authors.all()] == ["Wren Writer"]


def as_word_drawing(data):
    """The .docx with its picture stored as a Word drawing (EMF), as a chart or a shape
    pasted from Excel or Visio is: a picture browsers cannot show."""
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content, name = source.read(info.filename), info.filename
            if name.startswith("word/media/"):
                name, content = re.sub(r"\.\w+$", ".emf", name), b"\x01\x00\x00\x00EMF"
            elif name == "word/_rels/document.xml.rels":
                content = re.sub(rb"(media/image\d+)\.\w+", rb"\1.emf", content)
            elif name == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>", b'<Default Extension="emf" ContentType="image/x-emf"/></Types>'
                )
            target.writestr(name, content)
    return buffer.getvalue()


def test_a_word_drawing_is_named_with_how_to_save_it_as_a_picture(guide_index, editor):
    images = Image.objects.count()
    data = as_word_drawing(docx_bytes(hubspot_guide()))
    page = import_guide(guide_index, file=upload("h.docx", data), user=editor)
    page = ArticlePage.objects.get(pk=page.pk)
    assert "image" not in [kind for kind, _ in body(page)]
    assert Image.objects.count() == images
    assert (
        f"The picture “{SCREENSHOT_ALT}” near “Install the app” could not be added to the "
        "image library: it is a Word drawing (EMF or WMF), which browsers cannot show."
    ) in page.import_notes
