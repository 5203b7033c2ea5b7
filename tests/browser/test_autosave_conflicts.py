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


WITH_AND_WITHOUT_THE_GUARD = pytest.mark.parametrize(
    "guarded", [True, False], ids=["with our guard", "Wagtail alone"]
)


@pytest.fixture
def guide_editor(live_demo, page, guarded):
    """The editor on a guide's edit form. Without our script (static/js/admin-autosave-guard.js)
    the test shows Wagtail's own race, so that we notice when an upgrade fixes it upstream."""
    if not guarded:
        page.route(re.compile(r"admin-autosave-guard"), lambda route: route.abort())
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


@WITH_AND_WITHOUT_THE_GUARD
def test_a_session_ping_answered_after_my_own_autosave_is_not_a_conflict(
    page, guide_editor, guarded
):
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
    if not guarded:  # Wagtail stops the save with its dialog
        expect(page.get_by_role("dialog").get_by_text(CONFLICT)).to_be_visible()
        return
    expect(page.get_by_text("has been updated")).to_be_visible()
    expect(page.get_by_text(CONFLICT)).to_have_count(0)
    assert ArticlePage.objects.get(pk=guide_editor.pk).get_latest_revision_as_object().title == (
        "Autosaved title"
    )


@WITH_AND_WITHOUT_THE_GUARD
def test_save_draft_during_an_autosave_waits_for_it(page, guide_editor, guarded):
    held = []
    edit_url = re.compile(rf"/admin/pages/{guide_editor.pk}/edit/$")

    def hold_autosaves(route):
        if route.request.method == "POST" and "json" in (route.request.headers.get("accept") or ""):
            held.append(route)
        else:
            route.continue_()

    page.route(edit_url, hold_autosaves)
    page.locator("#id_title").fill("Typed just before saving")
    wait_for(page, held)  # the autosave is on its way
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_timeout(1000)
    if not guarded:  # Wagtail sends the draft at once, racing the autosave
        expect(page.get_by_text("has been updated")).to_be_visible()
        return
    # The draft is not sent behind the autosave's back (the server could store them in
    # either order, and the older would look like another window's).
    expect(page.get_by_text("has been updated")).to_have_count(0)
    page.unroute(edit_url)
    for route in held:
        route.continue_()
    expect(page.get_by_text("has been updated")).to_be_visible()
    expect(page.get_by_text(CONFLICT)).to_have_count(0)
    latest = ArticlePage.objects.get(pk=guide_editor.pk).get_latest_revision_as_object()
    assert latest.title == "Typed just before saving"
