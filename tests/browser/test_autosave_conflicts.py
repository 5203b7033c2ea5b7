"""Wagtail 8's autosave and the editor's own Save draft must not be taken for someone else's
work: an editor with one window open was told "You saved a new version in another window"
when an autosave and Save draft happened about 85 ms apart.

The races are reproduced by holding a request on its way to the server (Playwright's
routing), as a slow network would: the server and the admin's scripts are the real ones."""

import contextlib
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Error, expect

from blog.models import ArticlePage
from tests.helpers import STAFF_PASSWORD, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CONFLICT = "You saved a new version in another window"


@pytest.fixture
def guide_editor(live_demo, page):
    """The editor on a guide's edit form (with static/js/admin-autosave-guard.js)."""
    get_user_model().objects.create_superuser("editor", "editor@apiwise.example", STAFF_PASSWORD)
    guide = ArticlePage.objects.get(slug="apis-vs-integrations-vs-automation")
    log_in(page, live_demo.url, "editor")
    page.goto(f"{live_demo.url}/admin/pages/{guide.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(guide.title)
    return guide


def autosave_of(guide):
    return lambda response: (
        response.request.method == "POST"
        and response.url.endswith(f"/admin/pages/{guide.pk}/edit/")
        and "json" in (response.headers.get("content-type") or "")
    )


def wait_for(page, held):
    for _ in range(100):
        if held:
            return
        page.wait_for_timeout(100)
    raise AssertionError("no request was held")


def test_a_session_ping_answered_after_my_own_autosave_is_not_a_conflict(page, guide_editor):
    held = []
    page.route(re.compile(r"/admin/editing-sessions/ping/"), lambda route: held.append(route))
    # A ping leaves with the revision the editor loaded (as every ten seconds)...
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    wait_for(page, held)
    # ...the editor types, and the autosave is stored before the ping reaches the server.
    with page.expect_response(autosave_of(guide_editor)) as autosave:
        page.locator("#id_title").fill("Autosaved title")
    assert autosave.value.json()["success"]
    page.unroute(re.compile(r"/admin/editing-sessions/ping/"))
    with page.expect_response(re.compile(r"/admin/editing-sessions/ping/")):
        for route in held:
            with contextlib.suppress(Error):  # one Wagtail itself gave up on (a newer ping)
                route.continue_()

    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    expect(page.get_by_text(CONFLICT)).to_have_count(0)
    assert ArticlePage.objects.get(pk=guide_editor.pk).get_latest_revision_as_object().title == (
        "Autosaved title"
    )
