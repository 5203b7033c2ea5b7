"""The Wagtail admin keeps working under the site's Content Security Policy."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from apiwise.models import StandardPage
from tests.helpers import STAFF_PASSWORD, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_editor_logs_in_and_edits_a_page_without_csp_errors(live_demo, page, console_errors):
    get_user_model().objects.create_superuser("editor", "editor@apiwise.example", STAFF_PASSWORD)
    about = StandardPage.objects.get(slug="about")

    log_in(page, live_demo.url, "editor")

    page.goto(f"{live_demo.url}/admin/pages/{about.pk}/edit/")
    title = page.locator("#id_title")
    expect(title).to_have_value("About APIwise")
    title.fill("About us")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("'About us' has been published.")).to_be_visible()

    page.goto(f"{live_demo.url}/about/")
    expect(page.get_by_role("heading", level=1)).to_have_text("About us")
    csp_errors = [text for text in console_errors if "Content Security Policy" in text]
    assert csp_errors == []
    assert console_errors == []


def test_admin_screens_with_rich_editors_raise_no_csp_errors(live_demo, page, console_errors):
    """StreamField, InlinePanel, choosers and the booking views all rely on Wagtail's own
    scripts and styles; under the admin's policy none may be refused."""
    from blog.models import ArticlePage, SeriesHubPage
    from bookings.models import HealthCheckPage

    get_user_model().objects.create_superuser("editor", "editor@apiwise.example", STAFF_PASSWORD)
    guide = ArticlePage.objects.get(slug="apis-vs-integrations-vs-automation")
    hub = SeriesHubPage.objects.get(slug="api-basics")
    health_check = HealthCheckPage.objects.get(slug="health-check")

    log_in(page, live_demo.url, "editor")

    screens = [
        f"/admin/pages/{guide.pk}/edit/",  # StreamField body, related guides InlinePanel
        f"/admin/pages/{hub.pk}/edit/",  # drag-and-drop series InlinePanel
        f"/admin/pages/{health_check.pk}/edit/",
        "/admin/settings/apiwise/navigationsettings/1/",  # menus InlinePanel
        "/admin/settings/apiwise/sitesettings/1/",  # image and page choosers
        "/admin/bookings/requests/",  # filters with date pickers
        "/admin/bookings/availability/",
        "/admin/snippets/blog/topic/",
    ]
    for path in screens:
        response = page.goto(f"{live_demo.url}{path}")
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    csp_errors = [text for text in console_errors if "Content Security Policy" in text]
    assert csp_errors == []
