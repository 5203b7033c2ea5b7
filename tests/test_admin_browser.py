"""The Wagtail admin keeps working under the site's Content Security Policy."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from apiwise.models import StandardPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def console_problems(page):
    problems = []
    page.on(
        "console",
        lambda msg: problems.append(msg.text) if msg.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def test_editor_logs_in_and_edits_a_page_without_csp_errors(live_demo, page, console_problems):
    get_user_model().objects.create_superuser("editor", "editor@apiwise.example", "s3cret-pass")
    about = StandardPage.objects.get(slug="about")

    page.goto(f"{live_demo.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("s3cret-pass")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="APIwise")).to_be_visible()

    page.goto(f"{live_demo.url}/admin/pages/{about.pk}/edit/")
    title = page.locator("#id_title")
    expect(title).to_have_value("About APIwise")
    title.fill("About us")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("'About us' has been published.")).to_be_visible()

    page.goto(f"{live_demo.url}/about/")
    expect(page.get_by_role("heading", level=1)).to_have_text("About us")
    csp_errors = [text for text in console_problems if "Content Security Policy" in text]
    assert csp_errors == []
    assert console_problems == []
