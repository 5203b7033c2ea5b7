"""Reading figures in a real browser: the beacon script on the cached pages counts each view,
sets no cookie, and the views appear in "Which guides sell" after `flush_page_views`."""

import time

import pytest
from django.core.management import call_command

from apiwise.analytics import store
from blog.models import ArticlePage
from tests.bookings.test_guides_report import REPORT, table_rows
from tests.bookings.test_reading_figures import READING
from tests.page_views import BROWSER_AGENT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FIRST = "/guides/apis-vs-integrations-vs-automation/"
SECOND = "/guides/sync-shopify-and-xero/"


def pending_views():
    with store.local_buffer.lock:
        return sum(store.local_buffer.counts.values())


def test_five_and_two_views_in_chromium_are_five_and_two_in_the_report(
    live_demo, browser, admin_client
):
    store.local_buffer.take()
    # A reader's Chromium: headless Chromium says "HeadlessChrome", which is not counted.
    context = browser.new_context(user_agent=BROWSER_AGENT)
    page = context.new_page()
    beacons = []
    page.on("request", lambda r: beacons.append(r) if r.url.endswith("/views/") else None)
    for path, times in ((FIRST, 5), (SECOND, 2)):
        for _ in range(times):
            page.goto(f"{live_demo.url}{path}")
            page.wait_for_load_state("load")
    deadline = time.monotonic() + 10
    while pending_views() < 7 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pending_views() == 7
    assert len(beacons) == 7 and all(r.method == "POST" for r in beacons)
    assert context.cookies() == []  # nothing stored in the browser, by the pages or the beacon
    context.close()

    call_command("flush_page_views")
    rows = {
        row[0]: row[1] for row in table_rows(admin_client.get(REPORT).content.decode(), READING)
    }
    assert rows[ArticlePage.objects.get(slug=FIRST.split("/")[2]).title] == "5"
    assert rows[ArticlePage.objects.get(slug=SECOND.split("/")[2]).title] == "2"


def test_a_browser_sending_global_privacy_control_is_not_counted(live_demo, browser):
    store.local_buffer.take()
    context = browser.new_context(user_agent=BROWSER_AGENT)
    context.add_init_script(
        "Object.defineProperty(navigator, 'globalPrivacyControl', {value: true})"
    )
    page = context.new_page()
    beacons = []
    page.on("request", lambda r: beacons.append(r) if r.url.endswith("/views/") else None)
    page.goto(f"{live_demo.url}{FIRST}")
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert beacons == []
    assert pending_views() == 0
    context.close()
