"""The booking flow in a real browser with JavaScript off, then axe on its pages."""

import re

import pytest
from playwright.sync_api import expect

from bookings.models import Booking
from tests.helpers import AXE_JS, booked_line, first_free_slot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser_context_args(java_script_enabled=False),
]


def axe_violations(browser, url, storage_state=None):
    """axe needs JavaScript: check the page again in a context where it is on (with the
    visitor's cookies, when given, so it sees what they saw)."""
    context = browser.new_context(storage_state=storage_state)
    try:
        page = context.new_page()
        page.goto(url)
        page.evaluate(AXE_JS.read_text())
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    finally:
        context.close()


def test_booking_flow_without_javascript(page, browser, live_demo, settings):
    settings.BOOKINGS_MIN_FILL_SECONDS = 0
    page.set_default_timeout(10_000)
    form_url = f"{live_demo.url}/health-check/?from=/guides/example/"
    page.goto(form_url)
    expect(page.get_by_role("heading", name="Book your Health Check")).to_be_visible()

    # Submit with a mistake: the summary links to the field and every value is kept.
    page.get_by_label("Name", exact=True).fill("Ada Lovelace")
    page.get_by_label("Work e-mail").fill("not-an-email")
    page.get_by_label("Company").fill("Analytical Engines Ltd")
    page.get_by_label("What do you want connected").fill("Shopify orders into Xero.")
    page.get_by_label("Roughly how many orders").select_option("lt1000")
    slot, slot_value, slot_label = first_free_slot(page)
    slot.click()
    page.get_by_role("button", name="Send my request").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name=re.compile("e-mail address"))).to_have_attribute(
        "href", "#id_email"
    )
    expect(page.get_by_label("Company")).to_have_value("Analytical Engines Ltd")
    expect(page.locator(f"input[name=slot][value='{slot_value}']")).to_be_checked()

    page.get_by_label("Work e-mail").fill("ada@example.co.uk")
    page.get_by_role("button", name="Send my request").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Integration Health Check is booked"
    )
    expect(page.get_by_text(booked_line(slot_value))).to_be_visible()
    expect(page.get_by_role("link", name="Add to calendar (.ics)")).to_be_visible()
    assert "/health-check/booked/" in page.url

    booking = Booking.objects.get()
    assert booking.source_page == "/guides/example/"
    assert booking.slot_label() == slot_label

    if not AXE_JS.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does)")
    assert axe_violations(browser, form_url) == []
    visitor = page.context.storage_state()
    assert axe_violations(browser, page.url, storage_state=visitor) == []
    # What any other browser sees at that address: no details, and accessible too.
    assert axe_violations(browser, page.url) == []
