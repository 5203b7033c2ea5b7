"""Visitors' and staff's journeys in Chromium, against the live server with the demo content.

Every public page on the way is checked with axe-core (zero violations) and the tests fail on
any console error there, which includes Content Security Policy violations.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from blog.models import ArticlePage
from bookings.models import Booking
from tests.helpers import STAFF_PASSWORD, booked_line, first_free_slot, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REFERENCE = "/guides/apis-vs-integrations-vs-automation/"
REFERENCE_TITLE = "APIs vs Integrations vs Automation"


def tab_to(page, locator, limit=200):
    """Press Tab until the element has focus, as a keyboard user would."""
    target = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("element => document.activeElement === element", target):
            return
    raise AssertionError(f"Tab never reached {locator}")


def test_a_csp_violation_shows_up_as_a_console_error(live_demo, page, console_errors):
    """What the other tests rely on: an inline script or style refused by the page's policy
    is a console error."""
    page.goto(f"{live_demo.url}/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.inlineScriptRan = true";
            document.body.append(script);
            document.body.setAttribute("style", "outline: 1px solid red");
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.inlineScriptRan") is None
    csp = [text for text in console_errors if "Content Security Policy" in text]
    assert any("script" in text for text in csp), console_errors
    assert any("style" in text for text in csp), console_errors


def test_visitor_finds_the_reference_guide_reads_it_and_follows_the_series(
    live_demo, page, axe, console_errors
):
    page.goto(f"{live_demo.url}/")
    assert axe() == []
    page.get_by_role("link", name=re.compile(REFERENCE_TITLE)).first.click()

    expect(page).to_have_url(re.compile(re.escape(REFERENCE) + "$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(REFERENCE_TITLE)
    expect(page.locator(".short-answer")).to_contain_text("An API is the doorway")
    contents = page.get_by_role("navigation", name="On this page")
    first_section = contents.get_by_role("link").first
    anchor = first_section.get_attribute("href")
    first_section.click()
    expect(page).to_have_url(re.compile(re.escape(anchor) + "$"))
    expect(page.locator(anchor)).to_be_in_viewport()
    assert axe() == []

    question = page.locator("summary", has_text="Is an integration the same as an API?")
    answer = page.locator("details", has=question).locator(".faq__answer")
    expect(answer).to_be_hidden()
    question.click()
    expect(answer).to_be_visible()
    expect(answer).to_contain_text("An API is a capability")

    page.get_by_role("link", name=re.compile("Next in the series")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Do I Need an API?")
    assert axe() == []

    series = page.get_by_role("navigation", name=re.compile("guides in this series"))
    hub_link = series.get_by_role("link", name="API basics hub")
    hub_link.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".series-list")).to_contain_text(REFERENCE_TITLE)
    assert axe() == []
    assert console_errors == []


def test_visitor_filters_guides_by_topic_searches_for_xero_and_reads_the_faqs(
    live_demo, page, axe, console_errors
):
    page.goto(f"{live_demo.url}/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Guides").click()
    summary = page.locator(".search-summary")
    total = int(re.match(r"\d+", summary.inner_text()).group())
    assert axe() == []

    topics = page.get_by_role("navigation", name="Filter guides by topic")
    topics.get_by_role("link", name="Xero", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?topic=xero$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Guides about Xero")
    expect(topics.get_by_role("link", name="Xero", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    cards = page.locator(".guide-list > li")
    expect(cards.first).to_be_visible()
    assert 0 < cards.count() < total
    for card in cards.all():
        expect(card.locator(".card__topics")).to_contain_text("Xero")
    assert axe() == []

    page.get_by_role("link", name="Search", exact=True).click()
    page.get_by_label("Search guides, series and FAQs").fill("Xero")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=Xero$"))
    results = page.locator(".search-result")
    expect(results.first).to_be_visible()
    expect(results.filter(has_text="Xero").first).to_be_visible()
    assert axe() == []

    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Frequently asked questions"
    ).click()
    first_question = page.locator("details.faq").first
    first_question.locator("summary").click()
    expect(first_question.locator(".faq__answer")).to_be_visible()
    assert axe() == []
    assert console_errors == []


def fill_in_the_booking_form(page, email):
    page.get_by_label("Name", exact=True).fill("Ada Lovelace")
    page.get_by_label("Work e-mail").fill(email)
    page.get_by_label("Company", exact=True).fill("Analytical Engines Ltd")
    page.get_by_label("What do you want connected").fill("Shopify orders into Xero.")
    page.get_by_label("Roughly how many orders").select_option("lt1000")


def test_prospect_books_from_a_guide_and_sales_moves_the_booking_along(
    live_demo, page, browser, axe, console_errors, quick_forms
):
    page.goto(f"{live_demo.url}{REFERENCE}")
    page.locator(".cta-panel").get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/health-check/\?from="))
    expect(page.get_by_role("heading", name="Book your Health Check")).to_be_visible()
    assert axe() == []

    # One mistake: the e-mail address.
    fill_in_the_booking_form(page, email="ada.example.co.uk")
    slot, slot_value, slot_label = first_free_slot(page)
    slot.click()
    page.get_by_role("button", name="Send my request").click()

    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Enter an e-mail address like name@company.co.uk.")
    expect(summary.get_by_role("link")).to_have_attribute("href", "#id_email")
    expect(page.get_by_label("Work e-mail")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"input[name=slot][value='{slot_value}']")).to_be_checked()
    assert axe() == []

    page.get_by_label("Work e-mail").fill("ada@example.co.uk")
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Integration Health Check is booked"
    )
    expect(page.get_by_text(booked_line(slot_value))).to_be_visible()
    assert axe() == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    assert download.value.suggested_filename.endswith(".ics")
    calendar = Path(download.value.path()).read_text()
    assert "BEGIN:VCALENDAR" in calendar and "DTSTART" in calendar

    booking = Booking.objects.get()
    assert booking.source_page == REFERENCE
    assert booking.slot_label() == slot_label
    assert console_errors == []

    # The next visitor is not offered that time.
    next_visitor = browser.new_context()
    other = next_visitor.new_page()
    other.goto(f"{live_demo.url}/health-check/")
    expect(other.locator(".slot-day").first).to_be_visible()
    expect(other.locator(f"input[name=slot][value='{slot_value}']")).to_have_count(0)
    next_visitor.close()

    # A Sales user opens the new request and moves it along.
    sales = get_user_model().objects.create_user("sam", "sam@apiwise.example", STAFF_PASSWORD)
    sales.groups.add(Group.objects.get(name="Sales"))
    staff = browser.new_context()
    admin = staff.new_page()
    log_in(admin, live_demo.url, "sam")
    admin.goto(f"{live_demo.url}/admin/bookings/requests/")
    admin.get_by_role("link", name=booking.reference).first.click()
    admin.locator("#id_status").select_option("contacted")
    admin.get_by_role("button", name="Save").click()
    expect(admin.get_by_text(re.compile("updated|saved", re.I)).first).to_be_visible()
    staff.close()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONTACTED


def test_prospect_books_on_a_phone_with_the_keyboard_only(
    live_demo, page, axe, console_errors, quick_forms
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_demo.url}{REFERENCE}")

    # The menu is a disclosure that opens from the keyboard.
    menu = page.locator(".main-nav summary")
    guides_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Guides")
    expect(guides_link).to_be_hidden()
    tab_to(page, menu)
    page.keyboard.press("Enter")
    expect(guides_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(guides_link).to_be_hidden()
    assert axe() == []

    tab_to(page, page.locator(".cta-panel").get_by_role("link").first)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/health-check/\?from="))

    # One mistake: the company is left out.
    tab_to(page, page.get_by_label("Name", exact=True))
    page.keyboard.type("Grace Hopper")
    tab_to(page, page.get_by_label("Work e-mail"))
    page.keyboard.type("grace@example.co.uk")
    tab_to(page, page.get_by_label("What do you want connected"))
    page.keyboard.type("Stripe payouts into QuickBooks.")
    volume = page.get_by_label("Roughly how many orders")
    tab_to(page, volume)
    page.keyboard.type("Fewer")
    expect(volume).to_have_value("lt100")
    slot, slot_value, slot_label = first_free_slot(page)
    radio = page.locator(f"input[name=slot][value='{slot_value}']")
    tab_to(page, radio)
    page.keyboard.press("Space")
    expect(radio).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Send my request"))
    page.keyboard.press("Enter")

    summary = page.locator(".error-summary")
    company_link = summary.locator("a[href='#id_company']")
    expect(company_link).to_have_count(1)
    expect(summary.get_by_role("link")).to_have_count(1)
    assert axe() == []
    tab_to(page, company_link)
    page.keyboard.press("Enter")
    expect(page.get_by_label("Company", exact=True)).to_be_focused()
    page.keyboard.type("Harvard Mark I Ltd")
    expect(radio).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Send my request"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Integration Health Check is booked"
    )
    assert axe() == []
    calendar_link = page.get_by_role("link", name="Add to calendar (.ics)")
    tab_to(page, calendar_link)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert "BEGIN:VCALENDAR" in Path(download.value.path()).read_text()

    booking = Booking.objects.get()
    assert (booking.company, booking.source_page) == ("Harvard Mark I Ltd", REFERENCE)
    assert booking.slot_label() == slot_label
    assert console_errors == []


def test_staff_edit_the_short_answer_preview_it_and_publish(live_demo, page, console_errors):
    get_user_model().objects.create_superuser("editor", "editor@apiwise.example", STAFF_PASSWORD)
    guide = ArticlePage.objects.get(url_path__endswith=REFERENCE)
    new_answer = "An API is a doorway; an integration is the connection; automation is the payoff."

    log_in(page, live_demo.url, "editor")
    page.goto(f"{live_demo.url}/admin/pages/{guide.pk}/edit/")
    editor = page.locator("[data-contentpath='short_answer'] [contenteditable='true']")
    editor.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(new_answer)
    expect(editor).to_have_text(new_answer)
    page.keyboard.press("Tab")  # Draftail writes its hidden input when the editor loses focus
    expect(page.locator("input[name='short_answer']")).to_have_value(re.compile("payoff"))

    with page.expect_response(
        lambda r: "/preview/" in r.url and r.request.method == "POST"
    ) as sent:
        page.locator("[data-side-panel-toggle='preview']").click()
    assert sent.value.json().get("is_valid"), sent.value.json()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator(".short-answer")).to_contain_text(new_answer, timeout=15_000)
    live = page.context.new_page()
    live.goto(f"{live_demo.url}{REFERENCE}")
    expect(live.locator(".short-answer")).not_to_contain_text(new_answer)

    page.locator("[data-side-panel-toggle='preview']").click()  # close the preview
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("has been published")).to_be_visible()

    console_errors.clear()  # from here on: the public page only
    page.goto(f"{live_demo.url}{REFERENCE}")
    expect(page.locator(".short-answer")).to_contain_text(new_answer)
    assert console_errors == []
