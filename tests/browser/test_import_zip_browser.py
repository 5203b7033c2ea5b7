"""An editor, in Chromium, imports a Notion export (a .zip of the page's Markdown and its
pictures) through the admin's import form: the draft opens with the pictures in place (alt
text and caption in the preview) and the notes say only what needs the editor."""

import os
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.helpers import STAFF_PASSWORD, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
EXPORT = Path(__file__).parent.parent / "blog/corpus/documents/stripe-xero-notion-export.zip"
ALT = "Xero's online payments settings with Stripe connected"
# Where to keep screenshots of the pages, when asked (SHOTS=/some/folder).
SHOTS = os.environ.get("SHOTS")


def shot(page, name):
    if SHOTS:
        for width in (390, 1440):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
        page.set_viewport_size({"width": 1440, "height": 900})


def test_a_notion_export_zip_imports_with_its_pictures(
    live_demo, page, tmp_path, console_errors, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    get_user_model().objects.create_superuser(
        "sam", "sam@apiwise.example", STAFF_PASSWORD, first_name="Sam", last_name="Writer"
    )
    log_in(page, live_demo.url, "sam")
    page.get_by_role("link", name="Import a guide").click()
    expect(page.get_by_text("a .zip of a Markdown file and its pictures")).to_be_visible()
    shot(page, "import-form")
    page.get_by_label("Document").set_input_files(str(EXPORT))
    page.get_by_role("button", name="Import as a draft").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    notes = page.get_by_text("A table near “Fees” had no caption")
    expect(notes).to_be_visible()
    expect(page.get_by_text("could not be added to the image library")).to_have_count(0)

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("img", name=ALT)).to_have_count(1)
    expect(preview.get_by_text("Stripe listed under online payments")).to_be_visible()
    expect(preview.get_by_role("img", name="Pay now button on an online invoice")).to_have_count(1)
    shot(page, "imported-draft-with-preview")
    assert [error for error in console_errors if "Content Security Policy" in error] == []
