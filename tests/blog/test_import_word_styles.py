"""Word as people use it (blog/importer): a document typed without the Styles pane (bold lines
for headings, Shift+Enter line breaks, curly quotes), lists indented with Tab, footnotes. Each
document is built here, by hand, as Word stores it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from blog.importer import import_guide
from blog.models import ArticlePage
from tests.blog.corpus.word import (
    DOCX_TYPE,
    add_footnote_reference,
    add_indented_list,
    docx_bytes,
    new_document,
    with_footnotes,
)
from tests.blog.documents import without_default_call_to_action

pytestmark = pytest.mark.django_db


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type=DOCX_TYPE)


def body(page):
    return [(block["type"], block["value"]) for block in page.body.raw_data]


def bold_line(document, text):
    document.add_paragraph().add_run(text).bold = True


def test_a_document_typed_without_heading_styles(guide_index, editor):
    """Bold lines for headings, Shift+Enter line breaks and Word's curly quotes, as someone
    who never opens the Styles pane writes."""
    document = new_document()
    bold_line(document, "Moving from Sage 50 to Xero")
    document.add_paragraph("Short answer: export, map the accounts, import, then check.")
    document.add_paragraph("Plan a quiet week for it; it’s not a one-evening job.")
    bold_line(document, "Who to ask")
    address = document.add_paragraph("APIwise")
    address.add_run().add_break()
    address.add_run("“Integration desk”, 1 High Street")
    bold_line(document, "FAQs")
    bold_line(document, "Can I keep my history?")
    document.add_paragraph("Yes: the last two years come across.")
    page = import_guide(guide_index, file=upload("s.docx", docx_bytes(document)), user=editor)
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.title == "Moving from Sage 50 to Xero"
    assert page.short_answer == "<p>Export, map the accounts, import, then check.</p>"
    assert page.summary == "Plan a quiet week for it; it’s not a one-evening job."
    blocks = body(page)
    assert blocks[0] == ("heading", {"text": "Who to ask", "level": "h2", "anchor": ""})
    # The line break stays a line break in its paragraph; the quotes stay curly.
    assert blocks[1] == ("text", "<p>APIwise<br/>“Integration desk”, 1 High Street</p>")
    kind, faq = blocks[2]
    assert kind == "faq" and faq["heading"] == "FAQs"
    assert [item["value"]["question"] for item in faq["items"]] == ["Can I keep my history?"]
    assert blocks[3][0] == "call_to_action"
    assert page.import_notes == ""


def test_lists_indented_with_tab_nest_and_numbered_lists_keep_their_own_levels(guide_index, editor):
    document = new_document()
    document.add_heading("What to sync from Shopify", level=1)
    document.add_paragraph("Orders and stock, in that order.")
    document.add_heading("What syncs", level=2)
    add_indented_list(
        document, [("Orders", 0), ("Paid", 1), ("Refunded", 1), ("Partly", 2), ("Stock", 0)]
    )
    document.add_paragraph("Then, once a month:")
    add_indented_list(document, [("Export", 0), ("Check totals", 1), ("Import", 0)], True)
    page = import_guide(guide_index, file=upload("s.docx", docx_bytes(document)), user=editor)
    page = ArticlePage.objects.get(pk=page.pk)
    assert body(page)[1] == (
        "text",
        "<ul><li>Orders<ul><li>Paid</li><li>Refunded<ul><li>Partly</li></ul></li></ul></li>"
        "<li>Stock</li></ul><p>Then, once a month:</p>"
        "<ol><li>Export<ol><li>Check totals</li></ol></li><li>Import</li></ol>",
    )


def test_footnotes_are_notes_at_the_end(guide_index, editor):
    document = new_document()
    document.add_heading("Stripe fees in Xero", level=1)
    document.add_paragraph("Record the fee as its own line.")
    document.add_heading("Why", level=2)
    fees = document.add_paragraph("Stripe pays out the net amount.")
    add_footnote_reference(fees, 1)
    data = with_footnotes(docx_bytes(document), ["1.5% + 20p for UK cards, in 2026."])
    page = import_guide(guide_index, file=upload("f.docx", data), user=editor)
    page = ArticlePage.objects.get(pk=page.pk)
    blocks = without_default_call_to_action(body(page))
    assert blocks == [
        ("heading", {"text": "Why", "level": "h2", "anchor": ""}),
        ("text", "<p>Stripe pays out the net amount.[1]</p>"),
        ("heading", {"text": "Notes", "level": "h2", "anchor": ""}),
        ("text", "<ol><li>1.5% + 20p for UK cards, in 2026.</li></ol>"),
    ]
    assert "↑" not in str(page.body.raw_data)
