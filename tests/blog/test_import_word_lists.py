"""Word's numbered lists as the reader of the Word document saw them: a list Word numbers
from 1 again stays a list of its own, even right under another; a list Word numbers on after
a paragraph is its own list too, and, since the site's lists always start at 1, the editor is
told to check it (blog/importer/word_lists.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from blog.importer import import_guide
from blog.models import ArticlePage
from tests.blog.corpus.word import DOCX_TYPE, add_indented_list, docx_bytes, new_document

pytestmark = pytest.mark.django_db

EXPORT = [("Open Shopify's Orders page.", 0), ("Choose Export.", 0)]
IMPORT = [("Open QuickBooks' Sales page.", 0), ("Choose Import.", 0)]


def guide_with(lists):
    """A guide whose "Move the orders" section holds `lists(document)`."""
    document = new_document()
    document.add_heading("Moving orders from Shopify to QuickBooks", level=1)
    document.add_heading("Short answer", level=2)
    document.add_paragraph("Export a CSV file from Shopify and import it into QuickBooks.")
    document.add_heading("Move the orders", level=2)
    lists(document)
    return docx_bytes(document)


def imported(guide_index, user, data):
    upload = SimpleUploadedFile("orders.docx", data, content_type=DOCX_TYPE)
    page = import_guide(guide_index, file=upload, user=user)
    page = ArticlePage.objects.get(pk=page.pk)
    texts = [block["value"] for block in page.body.raw_data if block["type"] == "text"]
    return page, texts


FIRST = "<ol><li>Open Shopify's Orders page.</li><li>Choose Export.</li></ol>"
SECOND = "<ol><li>Open QuickBooks' Sales page.</li><li>Choose Import.</li></ol>"


def test_a_list_word_restarts_right_under_another_stays_two_lists(guide_index, admin_user):
    def lists(document):
        first = add_indented_list(document, EXPORT, numbered=True)
        add_indented_list(document, IMPORT, numbered=True, same_list_as=first, restart=True)

    page, texts = imported(guide_index, admin_user, guide_with(lists))
    # Two text blocks: in one, the editor would run them into one list of four again.
    assert texts[:2] == [FIRST, SECOND]
    assert "numbered list" not in page.import_notes


def test_two_lists_made_with_the_numbering_button_stay_two_lists(guide_index, admin_user):
    def lists(document):
        add_indented_list(document, EXPORT, numbered=True)
        add_indented_list(document, IMPORT, numbered=True)

    page, texts = imported(guide_index, admin_user, guide_with(lists))
    assert texts[:2] == [FIRST, SECOND]
    assert "numbered list" not in page.import_notes


def test_a_list_that_carries_on_after_a_paragraph_is_noted(guide_index, admin_user):
    def lists(document):
        first = add_indented_list(document, EXPORT, numbered=True)
        document.add_paragraph("Save the file somewhere you will find it.")
        add_indented_list(document, IMPORT, numbered=True, same_list_as=first)

    page, texts = imported(guide_index, admin_user, guide_with(lists))
    assert texts[0] == f"{FIRST}<p>Save the file somewhere you will find it.</p>{SECOND}"
    assert (
        "A numbered list that carries on after other text (“Open QuickBooks' Sales page.”) "
        "near “Move the orders” starts at 1 here, as the site's lists always do"
    ) in page.import_notes


def test_a_list_restarted_after_a_paragraph_and_a_nested_list_are_left_alone(
    guide_index, admin_user
):
    def lists(document):
        first = add_indented_list(
            document, [("Export the orders.", 0), ("Choose CSV.", 1)], numbered=True
        )
        document.add_paragraph("Then, in QuickBooks:")
        add_indented_list(document, IMPORT, numbered=True, same_list_as=first, restart=True)

    page, texts = imported(guide_index, admin_user, guide_with(lists))
    assert texts[0] == (
        "<ol><li>Export the orders.<ol><li>Choose CSV.</li></ol></li></ol>"
        f"<p>Then, in QuickBooks:</p>{SECOND}"
    )
    assert "numbered list" not in page.import_notes
