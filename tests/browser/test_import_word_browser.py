"""The issue's editor, in Chromium: a guide written in Word from scratch (a screenshot with
alt text and a caption, bullets two levels deep, a numbered list, a table, FAQs; not derived
from the demo content) goes from the dashboard to live with nothing fixed, previewed and
published in at most 10 actions. The live page has the picture with its alt text, both list
levels, the table with its header, the FAQ's JSON-LD, a byline and the booking prompt, and
says the short answer once."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from blog.models import ArticlePage
from bookings.models import HealthCheckPage
from tests.blog.corpus.hubspot_sage import (
    HUBSPOT,
    INTRODUCTION,
    SCREENSHOT_ALT,
    SCREENSHOT_CAPTION,
    hubspot_guide,
)
from tests.blog.corpus.word import docx_bytes
from tests.browser.test_import_browser import Actions
from tests.helpers import STAFF_PASSWORD, json_ld, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
ACTION_BUDGET = 10


def test_a_word_guide_written_from_scratch_is_published_with_nothing_to_fix(
    live_demo, page, tmp_path, console_errors, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    get_user_model().objects.create_superuser(
        "sam", "sam@apiwise.example", STAFF_PASSWORD, first_name="Sam", last_name="Writer"
    )
    document = tmp_path / "HubSpot to Sage.docx"
    document.write_bytes(docx_bytes(hubspot_guide()))
    log_in(page, live_demo.url, "sam")  # ends on the dashboard
    actions = Actions(page)

    actions.click(page.get_by_role("link", name="Import a guide"))
    actions.upload(page.get_by_label("Document"), str(document))
    actions.click(page.get_by_role("button", name="Import as a draft"))
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.get_by_text("Preview it, then publish")).to_be_visible()  # no notes to check
    imported_id = int(re.search(r"/pages/(\d+)/edit/", page.url).group(1))

    actions.click(page.get_by_role("button", name="Toggle preview"))
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(HUBSPOT)
    expect(preview.get_by_role("img", name=SCREENSHOT_ALT)).to_have_count(1)

    actions.click(page.get_by_role("button", name="More actions"))
    actions.click(page.get_by_role("button", name="Publish"))
    expect(page.get_by_text("has been published")).to_be_visible()
    assert actions.count <= ACTION_BUDGET, actions.count

    guide = ArticlePage.objects.get(pk=imported_id)
    assert guide.live
    page.goto(live_demo.url + guide.url)
    main = page.locator("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(HUBSPOT)
    expect(main.locator(".guide__standfirst")).to_have_text(INTRODUCTION)
    figure = main.locator("figure.image-block")
    expect(figure.get_by_role("img", name=SCREENSHOT_ALT)).to_have_count(1)
    expect(figure.locator("figcaption")).to_have_text(SCREENSHOT_CAPTION)
    nested = main.locator("li", has_text="Contacts").locator("ul > li")
    expect(nested).to_have_text(["Companies become Sage customers", "People stay in HubSpot only"])
    numbered = main.locator("ol").filter(has_text="Open Settings.").locator(":scope > li")
    expect(numbered).to_have_text(["Open Settings.", "Turn on the sync."])
    table = main.locator("table")
    expect(table.locator("caption")).to_have_text("What goes where")
    expect(table.locator("thead th")).to_have_text(["Record", "HubSpot", "Sage"])
    expect(main.get_by_text("Written by")).to_be_visible()
    expect(main.locator("dd", has_text="Sam Writer")).to_have_count(1)
    booking = main.locator(".cta-panel a.button")
    expect(booking).to_have_count(1)
    assert booking.get_attribute("href").startswith(HealthCheckPage.objects.get().url)
    assert main.inner_text().count("Most firms are done in an afternoon") == 1

    by_type, _ = json_ld(page.content())
    questions = [q["name"] for q in by_type["FAQPage"]["mainEntity"]]
    assert questions == ["Does it cost extra?"]
    print(f"Word guide to published: {actions.count} actions")
    assert [e for e in console_errors if "Content Security Policy" in e] == []
