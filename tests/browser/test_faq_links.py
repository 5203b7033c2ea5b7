"""A shared link to one question opens it, with the question in view, even without JavaScript."""

import pytest
from playwright.sync_api import expect

from blog.models import ArticlePage, FaqPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser_context_args(java_script_enabled=False),
]


def last_question(stream):
    from blog.blocks import faq_items

    return list(faq_items(stream))[-1]


@pytest.mark.parametrize("where", ["guide", "faq page"])
def test_a_link_to_a_question_opens_it(live_demo, page, where):
    if where == "guide":
        host = ArticlePage.objects.get(slug="apis-vs-integrations-vs-automation")
        item = last_question(host.body)
    else:
        host = FaqPage.objects.get()
        item = last_question(host.sections)
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(f"{live_demo.url}{host.url}#{item.anchor_id}")

    question = page.locator("summary", has_text=item["question"])
    details = page.locator("details.faq", has=question)
    expect(details).to_have_attribute("open", "")
    expect(question).to_be_in_viewport(ratio=1)  # all of it, not just its last line
    expect(details.locator(".faq__answer")).to_be_visible()
    # Only the linked one: the others stay closed.
    assert page.locator("details.faq[open]").count() == 1
