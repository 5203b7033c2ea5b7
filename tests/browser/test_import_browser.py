"""An editor turns a finished Word document into a published guide: from the admin dashboard,
import the reference article as a .docx, fix nothing, preview, publish. The live page must
carry the demo guide's blocks, in at most 25 actions."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from blog.models import ArticlePage
from tests.blog.documents import article_outline, assert_same_guide, to_docx
from tests.helpers import ARTICLE_SLUG, STAFF_PASSWORD, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
ACTION_BUDGET = 25


class Actions:
    """Counts what the editor does: each click, typed field, upload and key press."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def click(self, locator):
        self.count += 1
        locator.click()

    def upload(self, locator, files):
        self.count += 1
        locator.set_input_files(files)


def test_an_editor_imports_a_word_document_previews_and_publishes_it(
    live_demo, page, tmp_path, console_errors
):
    get_user_model().objects.create_superuser("editor", "editor@apiwise.example", STAFF_PASSWORD)
    document = tmp_path / "apis-vs-integrations-vs-automation.docx"
    document.write_bytes(to_docx(article_outline(root=live_demo.url)))
    log_in(page, live_demo.url, "editor")  # ends on the dashboard
    actions = Actions(page)

    actions.click(page.get_by_role("link", name="Import a guide"))
    expect(page.get_by_role("heading", name="Import a guide")).to_be_visible()
    actions.upload(page.get_by_label("Document"), str(document))
    actions.click(page.get_by_role("button", name="Import as a draft"))
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.get_by_text("as a draft")).to_be_visible()
    imported_id = int(re.search(r"/pages/(\d+)/edit/", page.url).group(1))

    # Preview: the side panel shows the guide as a visitor would see it.
    actions.click(page.get_by_role("button", name="Toggle preview"))
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_contain_text("APIs vs Integrations")
    expect(preview.locator(".short-answer")).to_contain_text("An API is the doorway")

    actions.click(page.get_by_role("button", name="More actions"))
    actions.click(page.get_by_role("button", name="Publish"))
    expect(page.get_by_text("has been published")).to_be_visible()

    imported = ArticlePage.objects.get(pk=imported_id)
    assert imported.live
    # The introduction's first paragraph is the standfirst now (never the short answer).
    assert_same_guide(
        imported, ArticlePage.objects.get(slug=ARTICLE_SLUG), introduction_is_standfirst=True
    )
    page.goto(live_demo.url + imported.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("APIs vs Integrations")
    expect(page.locator(".faq")).to_have_count(3)
    assert actions.count <= ACTION_BUDGET, actions.count
    print(f"Import to published: {actions.count} actions")
    assert [e for e in console_errors if "Content Security Policy" in e] == []
