"""Import a guide (blog/importer, blog/import_views.py): a Markdown file and a Word document
written from the reference article as the demo publishes it come back as the same blocks as
the demo guide; Google Docs' pasted HTML is cleaned; what cannot be mapped is
listed in the notes; the admin page refuses what it should, in plain English."""

import io
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from wagtail.models import GroupPagePermission, Page, Site

from blog.importer import ImportProblem, import_guide
from blog.models import ArticlePage
from bookings.models import HealthCheckPage
from tests.blog.documents import (
    ARTICLE,
    article_outline,
    assert_same_guide,
    faq_items,
    page_urls,
    to_docx,
    to_markdown,
    visible,
)
from tests.helpers import ARTICLE_SLUG

pytestmark = pytest.mark.django_db

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def demo_guide(db):
    return ArticlePage.objects.get(slug=ARTICLE_SLUG)


def upload(name, data, content_type="text/markdown"):
    return SimpleUploadedFile(name, data, content_type=content_type)


# --- The reference article, imported ---------------------------------------------------------


def test_markdown_of_the_reference_article_imports_as_the_demo_guide(
    guide_index, demo_guide, editor
):
    markdown = to_markdown(article_outline())
    page = import_guide(
        guide_index,
        file=upload("guide.md", markdown.encode()),
        summary=demo_guide.summary,  # else the introduction would move to the standfirst
        user=editor,
    )
    assert_same_guide(page, demo_guide)
    assert page.import_notes == ""


def test_word_document_of_the_reference_article_imports_as_the_demo_guide(
    guide_index, demo_guide, editor
):
    # Absolute links on the site's own address are page links too.
    root = Site.objects.get(is_default_site=True).root_url
    data = to_docx(article_outline(root=root))
    page = import_guide(
        guide_index,
        file=upload("guide.docx", data, DOCX_TYPE),
        summary="A standfirst given on the form.",
        user=editor,
    )
    assert_same_guide(page, demo_guide)
    assert page.summary == "A standfirst given on the form."
    assert page.import_notes == ""


def test_the_draft_is_unpublished_under_the_guide_index(guide_index, admin_user, client):
    markdown = "# A new guide\n\nThe short answer, first.\n\n## A section\n\nSome text.\n"
    page = import_guide(guide_index, file=upload("x.md", markdown.encode()), user=admin_user)
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.get_parent().pk == guide_index.pk
    assert not page.live and page.first_published_at is None
    assert page.has_unpublished_changes and page.latest_revision.user == admin_user
    assert page.owner == admin_user
    assert page.slug == "a-new-guide" and page.title == "A new guide"
    assert client.get(page.url).status_code == 404
    again = import_guide(guide_index, file=upload("x.md", markdown.encode()), user=admin_user)
    assert again.slug == "a-new-guide-2"


def test_word_styles_for_code_and_quotations(guide_index, admin_user):
    document = Document()
    document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    document.add_heading("Webhooks explained", level=1)
    document.add_paragraph("A webhook is a message one system sends another.")
    document.add_heading("What one looks like", level=2)
    document.add_paragraph("{", style="Code")
    document.add_paragraph('  "event": "order.paid"', style="Code")
    document.add_paragraph("}", style="Code")
    document.add_paragraph("Integration is the wiring.", style="Quote")
    document.add_paragraph("— Alex Morgan", style="Intense Quote")
    data = io.BytesIO()
    document.save(data)
    page = import_guide(
        guide_index, file=upload("w.docx", data.getvalue(), DOCX_TYPE), user=admin_user
    )
    page = ArticlePage.objects.get(pk=page.pk)
    blocks = [(b["type"], b["value"]) for b in page.body.raw_data]
    assert page.title == "Webhooks explained"
    assert visible(page.short_answer) == "A webhook is a message one system sends another."
    assert blocks[0] == ("heading", {"text": "What one looks like", "level": "h2", "anchor": ""})
    assert blocks[1] == ("code", {"language": "text", "code": '{\n  "event": "order.paid"\n}'})
    assert blocks[2][0] == "quote"
    assert blocks[2][1]["quote"] == "Integration is the wiring."
    assert "There was no “Short answer” heading" in page.import_notes


# --- Google Docs -------------------------------------------------------------------------------

GOOGLE_DOCS_HTML = """<meta charset="utf-8"><b style="font-weight:normal;"
id="docs-internal-guid-3a9c2f1e-7fff-4b1d-93a0-5c1e8d2b4a11"><h1 dir="ltr"
style="line-height:1.38;margin-top:20pt;margin-bottom:6pt;"><span style="font-size:20pt;
font-family:Arial,sans-serif;color:#000000;font-weight:400;">Connecting Shopify to Xero</span>
</h1><h2 dir="ltr" style="line-height:1.38;"><span style="font-size:16pt;font-weight:400;">The
short answer</span></h2><p dir="ltr" style="line-height:1.38;"><span style="font-size:11pt;
font-family:Arial;font-weight:400;">Use a connector for </span><span style="font-size:11pt;
font-weight:700;">payouts</span><span style="font-size:11pt;font-weight:400;">, not </span><span
style="font-size:11pt;font-weight:400;font-style:italic;">orders</span><span
style="font-weight:400;">. Read </span><a href="https://www.google.com/url?q=http://127.0.0.1:8000/guides/what-is-an-api/&amp;sa=D&amp;source=editors&amp;ust=1750000000000000&amp;usg=AOvVaw0"
style="text-decoration:none;"><span style="color:#1155cc;text-decoration:underline;">our API
guide</span></a><span style="font-weight:400;"> first.</span></p><br><h2 dir="ltr"><span
style="font-weight:400;">What to sync</span></h2><p dir="ltr"><span style="font-weight:400;">
&nbsp;</span></p><ul style="margin-top:0;margin-bottom:0;"><li dir="ltr"
style="list-style-type:disc;" aria-level="1"><p dir="ltr" role="presentation"><span
style="font-weight:400;">Payouts, with </span><a href="https://www.google.com/url?q=https://help.shopify.com/en/manual/payments&amp;sa=D"><span
style="color:#1155cc;">Shopify's fee lines</span></a></p></li><li dir="ltr"
aria-level="1"><p dir="ltr" role="presentation"><span style="font-weight:700;">Refunds</span>
</p></li></ul><div dir="ltr" style="margin-left:0pt;" align="left"><table
style="border:none;border-collapse:collapse;"><colgroup><col width="200"><col
width="200"></colgroup><tbody><tr style="height:0pt"><td style="border-left:solid #000000 1pt;">
<p dir="ltr"><span style="font-weight:700;">Route</span></p></td><td><p dir="ltr"><span
style="font-weight:700;">Cost</span></p></td></tr><tr><td><p dir="ltr"><span>A2X</span></p>
</td><td><p dir="ltr"><span>Monthly fee</span></p></td></tr></tbody></table></div><h2
dir="ltr"><span style="font-weight:400;">FAQs</span></h2><p dir="ltr"><span
style="font-weight:700;">Does Xero import Shopify orders?</span></p><p dir="ltr"><span
style="font-weight:400;">Not by itself: it needs a connector.</span></p><p dir="ltr"><span
style="font-weight:700;">Is VAT handled?</span></p><p dir="ltr"><span
style="font-weight:400;">Yes, if the tax rates are mapped.</span></p></b><br
class="Apple-interchange-newline">"""


def test_pasted_google_docs_html(guide_index, admin_user):
    page = import_guide(guide_index, html=GOOGLE_DOCS_HTML, user=admin_user)
    page = ArticlePage.objects.get(pk=page.pk)
    what_is_an_api = Page.objects.get(slug="what-is-an-api").pk
    assert page.title == "Connecting Shopify to Xero"
    assert page.short_answer == (
        f'<p>Use a connector for <b>payouts</b>, not <i>orders</i>. Read <a linktype="page" '
        f'id="{what_is_an_api}">our API guide</a> first.</p>'
    )
    # No introduction to make a standfirst of, and it may not repeat the short answer.
    assert page.summary == "" and "The guide has no standfirst yet" in page.import_notes
    blocks = [(b["type"], b["value"]) for b in page.body.raw_data]
    assert [kind for kind, _ in blocks] == ["heading", "text", "table", "faq", "call_to_action"]
    assert blocks[1][1] == (
        '<ul><li>Payouts, with <a href="https://help.shopify.com/en/manual/payments">'
        "Shopify's fee lines</a></li><li><b>Refunds</b></li></ul>"
    )
    table = blocks[2][1]
    assert table["data"] == [["Route", "Cost"], ["A2X", "Monthly fee"]]
    assert table["table_caption"] == "What to sync"  # the heading above it
    faq = blocks[3][1]
    assert faq["heading"] == "FAQs"
    assert [(i["question"], i["answer"]) for i in faq_items(faq)] == [
        ("Does Xero import Shopify orders?", "<p>Not by itself: it needs a connector.</p>"),
        ("Is VAT handled?", "<p>Yes, if the tax rates are mapped.</p>"),
    ]
    # No Google wrapper, style, id or redirect survives anywhere.
    stored = str(page.body.raw_data) + page.short_answer
    for leftover in ("style=", "docs-internal-guid", "google.com/url", "<span", "dir="):
        assert leftover not in stored
    assert "had no caption" in page.import_notes


def test_plain_text_pasted_without_markup_is_read_as_paragraphs(guide_index, admin_user):
    text = "First paragraph, the short answer.\n\n## A section\n\nLine one.\n\nLine two."
    page = import_guide(guide_index, title="Plain", html=text, user=admin_user)
    blocks = [(b["type"], b["value"]) for b in ArticlePage.objects.get(pk=page.pk).body.raw_data]
    assert blocks[1] == ("text", "<p>Line one.</p><p>Line two.</p>")


def test_a_last_section_linking_to_the_health_check_is_a_call_to_action(guide_index, admin_user):
    urls = page_urls()
    html = (
        "<h1>Stock sync</h1><h2>Short answer</h2><p>Sync stock hourly.</p>"
        "<h2>Why hourly</h2><p>Because.</p>"
        f'<h2>Talk to us</h2><p>Book a <a href="{urls["health-check"]}">Health Check</a>.</p>'
    )
    page = import_guide(guide_index, html=html, user=admin_user)
    blocks = ArticlePage.objects.get(pk=page.pk).body.raw_data
    assert [b["type"] for b in blocks] == ["heading", "text", "call_to_action"]
    health_check = HealthCheckPage.objects.get().pk
    assert blocks[2]["value"]["page"] == health_check
    assert blocks[2]["value"]["text"] == (
        f'<p>Book a <a linktype="page" id="{health_check}">Health Check</a>.</p>'
    )
    assert "“Talk to us” became a call to action" in page.import_notes


# --- What cannot be mapped ---------------------------------------------------------------------


def test_what_cannot_be_mapped_is_kept_as_text_and_listed_in_the_notes(guide_index, admin_user):
    html = """
      <h1>Everything at once</h1>
      <h2>Short answer</h2><p>It depends.</p>
      <h2>How they fit together</h2>
      <p>Before the picture.</p>
      <p><img src="layers.png" alt="Three layers"></p>
      <hr>
      <iframe src="https://www.youtube.com/embed/x"></iframe>
      <table><tr><th>A</th><th>B</th></tr>
        <tr><td colspan="2"><table><tr><td>inner</td></tr></table></td></tr></table>
      <pre><code class="language-rust">fn main() {}</code></pre>
      <p><a href="javascript:alert(1)">a bad link</a> and <a href="/no-such-page/">a lost one</a></p>
      <h2>FAQ</h2>
      <p>Before any question.</p>
      <h3>What now?</h3>
      <p>An answer.</p>
      <h4>A deeper heading</h4>
      <h3>And then?</h3>
    """
    page = import_guide(guide_index, html=html, user=admin_user)
    page = ArticlePage.objects.get(pk=page.pk)
    notes = page.import_notes
    assert (
        "The picture “Three layers” near “How they fit together” could not be added to the "
        "image library: it refers to a file (layers.png) that was not pasted with the text. "
        "Add it with an Image block." in notes
    )
    for expected in (
        "An embedded item (video, frame or drawing)",
        "A table inside a table",
        "Merged table cells",
        "“rust”",
        "The link “a bad link” (javascript:alert(1)) was removed",
        "/no-such-page/ matches no page on this site",
        "The text between “FAQ” and its first question",
        "A sub-heading in the answer to “What now?” was kept as plain text",
        "The question “And then?” has no answer",
    ):
        assert expected in notes
    blocks = [(b["type"], b["value"]) for b in page.body.raw_data]
    assert [kind for kind, _ in blocks] == [
        "heading", "text", "table", "code", "text", "text", "faq", "call_to_action",
    ]  # fmt: skip
    # No placeholder on the page for the picture: the note names it.
    assert blocks[1][1] == "<p>Before the picture.</p>"
    assert blocks[2][1]["data"] == [["A", "B"], ["inner", ""]]
    assert blocks[3][1] == {"language": "text", "code": "fn main() {}"}
    site = Site.objects.get(is_default_site=True)
    assert blocks[4][1] == (
        f'<p>a bad link and <a href="{site.root_url}/no-such-page/">a lost one</a></p>'
    )
    assert blocks[5][1] == "<p>Before any question.</p>"
    items = faq_items(blocks[6][1])
    assert items[0]["answer"] == "<p>An answer.</p><p>A deeper heading</p>"
    assert "javascript" not in str(page.body.raw_data)


# --- The admin page ----------------------------------------------------------------------------

IMPORT_URL = "/admin/guides/import/"


def test_import_url_and_menu(admin_client, guide_index):
    assert reverse("blog_import_guide") == IMPORT_URL
    response = admin_client.get(IMPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Import as a draft" in html and 'enctype="multipart/form-data"' in html
    assert "Import a guide" in admin_client.get("/admin/").content.decode()  # the menu
    listing = admin_client.get(f"/admin/pages/{guide_index.pk}/").content.decode()
    assert f"{IMPORT_URL}?parent={guide_index.pk}" in listing  # the header button


def test_the_view_end_to_end_with_a_markdown_file(admin_client, guide_index, demo_guide):
    markdown = to_markdown(article_outline())
    response = admin_client.post(
        IMPORT_URL,
        {"file": upload("apis.md", markdown.encode()), "title": "", "summary": ""},
        follow=True,
    )
    page = ArticlePage.objects.get(title=ARTICLE["title"], live=False)
    assert response.redirect_chain == [(reverse("wagtailadmin_pages:edit", args=[page.pk]), 302)]
    assert response.status_code == 200  # the edit form opens on the draft
    assert f"Imported “{ARTICLE['title']}” as a draft." in unescape(response.content.decode())
    assert page.get_parent().pk == guide_index.pk
    assert_same_guide(page, demo_guide)
    draft = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert draft.status_code == 200
    assert "Frequently asked questions" in draft.content.decode()


def test_the_view_with_pasted_html_and_a_title_of_its_own(admin_client, guide_index):
    response = admin_client.post(
        IMPORT_URL,
        {"html": GOOGLE_DOCS_HTML, "title": "Shopify and Xero", "summary": "Why and how."},
    )
    page = ArticlePage.objects.get(title="Shopify and Xero")
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.summary == "Why and how." and page.slug == "shopify-and-xero"


@pytest.fixture
def admin_only_user(django_user_model):
    """Can log in to the admin, may not add pages anywhere."""
    user = django_user_model.objects.create_user("writer", "writer@example.com", "pw")
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def test_an_editor_who_cannot_add_guides_is_refused(client, admin_only_user, guide_index):
    client.force_login(admin_only_user)
    count = ArticlePage.objects.count()
    response = client.get(IMPORT_URL)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    response = client.post(IMPORT_URL, {"file": upload("a.md", b"# A\n\nText.\n")})
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert ArticlePage.objects.count() == count
    assert "Import a guide" not in client.get("/admin/").content.decode()


def test_an_editor_who_can_add_under_the_index_may_import(client, admin_only_user, guide_index):
    GroupPagePermission.objects.create(
        group=admin_only_user.groups.get(), page=guide_index, permission_type="add"
    )
    client.force_login(admin_only_user)
    response = client.post(IMPORT_URL, {"file": upload("a.md", b"# A guide\n\nIt works.\n")})
    page = ArticlePage.objects.get(title="A guide")
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.owner == admin_only_user and not page.live


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"file": upload("big.md", b"# Big\n\n" + b"x" * (6 * 1024 * 1024))}, "6.0 MB"),
        ({"file": upload("setup.exe", b"MZ\x90\x00binary")}, "cannot be imported"),
        ({"file": upload("old.doc", b"\xd0\xcf\x11\xe0")}, "File › Save As"),
        ({"file": upload("empty.md", b"")}, "That file is empty"),
        ({"file": upload("blank.md", b"   \n\n")}, "That file is empty"),
        ({"file": upload("broken.docx", b"PK not really a zip", DOCX_TYPE)}, "could not be read"),
        ({"file": upload("images.md", b"![only](a.png)\n")}, "nothing to import"),
        ({}, "Choose a document to upload, or paste the guide below."),
        ({"html": "<p></p><div> </div>"}, "nothing to import"),
    ],
)
def test_what_the_form_refuses_it_says_in_plain_english(admin_client, guide_index, data, expected):
    count = ArticlePage.objects.count()
    response = admin_client.post(IMPORT_URL, data)
    assert response.status_code == 200
    assert expected in unescape(response.content.decode())
    assert ArticlePage.objects.count() == count


def test_errors_are_given_for_the_field_they_are_about(guide_index, admin_user):
    with pytest.raises(ImportProblem) as problem:
        import_guide(guide_index, html="<h2>Only a heading</h2>", user=admin_user)
    assert problem.value.field == "title"
    # Without a standfirst to take, the draft is made and the notes ask for one.
    page = import_guide(guide_index, html="<h1>T</h1><h2>Only a heading</h2>", user=admin_user)
    assert page.summary == "" and "The guide has no standfirst yet" in page.import_notes
