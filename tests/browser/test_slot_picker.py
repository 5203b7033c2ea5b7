"""The Health Check's slot picker: days first (each saying how many times are free), then that
day's times; the choice said in words; with and without JavaScript, by keyboard, and within
about two phone screens."""

import re

import pytest
from playwright.sync_api import expect

from bookings.models import Booking
from bookings.slots import Rules, free_slots, group_by_day, uk_today

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PHONE = {"width": 390, "height": 844}


def second_day(page):
    days = page.locator(".slot-day")
    expect(days.first).to_have_attribute("open", "")
    return days.nth(1)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_a_visitor_opens_a_day_and_books_one_of_its_times(
    live_demo, page, quick_forms
):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_demo.url}/health-check/")
    first, last = Rules.current().week_days(uk_today(), 1)  # the picker shows a week
    expected = [d for d in group_by_day(free_slots()) if first <= d.day <= last]
    summaries = page.locator(".slot-day__summary")
    expect(summaries).to_have_count(len(expected))
    first = expected[1]
    count = f"{len(first.slots)} time{'s' if len(first.slots) != 1 else ''} free"
    expect(summaries.nth(1)).to_contain_text(count)

    day = second_day(page)
    day.locator("summary").click()  # the browser opens it: no script
    expect(day).to_have_attribute("open", "")
    times = day.locator(".slot__label")
    expect(times.first).to_be_visible()
    expect(times.first).to_have_text(re.compile(r"^\d\d:\d\d–\d\d:\d\d"))
    times.nth(1).click()
    expect(day.locator(".slot-day__chosen")).to_be_visible()  # "· your choice" on that day
    chosen = day.locator(".slot__input").nth(1).get_attribute("value")

    page.get_by_label("Name", exact=True).fill("Ada Lovelace")
    page.get_by_label("Work e-mail").fill("ada@example.co.uk")
    page.get_by_label("Company", exact=True).fill("Analytical Engines Ltd")
    page.get_by_label("What do you want connected").fill("Shopify orders into Xero.")
    page.get_by_label("Roughly how many orders").select_option("lt1000")
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Integration Health Check is booked"
    )
    assert Booking.objects.get().slot_start == first.slots[1].start
    assert chosen == first.slots[1].value


def test_with_javascript_the_chosen_time_is_said_in_words_before_sending(
    live_demo, page, axe, console_errors
):
    page.goto(f"{live_demo.url}/health-check/")
    choice = page.locator("#slot-choice")
    expect(choice).to_be_hidden()
    day = second_day(page)
    day.locator("summary").click()
    label = day.locator(".slot__label").first
    label.click()
    words = day.locator(".slot__input").first.get_attribute("data-choice")
    expect(choice).to_be_visible()
    expect(choice).to_have_text(f"You have chosen {words}.")
    expect(choice).to_have_attribute("aria-live", "polite")
    assert axe() == []
    assert console_errors == []


def test_by_keyboard_on_a_phone_within_about_two_screens(live_demo, page, axe):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_demo.url}/health-check/")
    picker = page.locator(".slot-picker")
    height = picker.bounding_box()["height"]
    assert height <= 2.2 * PHONE["height"], height

    day = second_day(page)
    day.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(day).to_have_attribute("open", "")
    # One day open at a time: the first closed as the second opened.
    expect(page.locator(".slot-day[open]")).to_have_count(1)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.name + '=' + document.activeElement.value")
    assert focused.startswith("slot=")
    page.keyboard.press("Space")
    value = focused.split("=", 1)[1]
    expect(page.locator(f"input[name=slot][value='{value}']")).to_be_checked()
    expect(page.locator("#slot-choice")).to_contain_text("You have chosen")
    # The focused time is visibly marked.
    outline = page.evaluate(
        "getComputedStyle(document.querySelector(`label[for='${document.activeElement.id}']`))"
        ".outlineStyle"
    )
    assert outline != "none"
    assert axe() == []
