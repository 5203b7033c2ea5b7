"""On a 390 px phone (an iPhone's width, 844 px tall): every guide fits the screen, tables
included, and a reader meets a way to book early."""

import pytest
from playwright.sync_api import expect

from apiwise.models import SiteSettings
from blog.models import ArticlePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}

# Every table cell and caption whose box reaches past either edge of the window (the column
# headings once hidden visually, for screen readers only, excepted).
CUT_TABLE_PARTS = """() => [...document.querySelectorAll("table caption, table th, table td")]
    .filter((el) => !el.closest("thead") || getComputedStyle(el.closest("thead")).clipPath === "none")
    .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.left < 0 || box.right > window.innerWidth;
    })
    .map((el) => el.textContent.trim().slice(0, 40))"""


def scroll_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def guide_paths():
    return [guide.url for guide in ArticlePage.objects.live().order_by("path")]


def test_no_guide_scrolls_sideways_and_every_table_cell_is_on_screen(live_demo, page):
    page.set_viewport_size(PHONE)
    cells_seen = 0
    for path in guide_paths():
        page.goto(f"{live_demo.url}{path}")
        assert scroll_width(page) <= PHONE["width"], (path, scroll_width(page))
        assert page.evaluate(CUT_TABLE_PARTS) == [], path
        cells_seen += page.locator("table td").count()
    assert cells_seen, "the demo guides have tables, so this checked some cells"


def test_on_a_phone_each_table_cell_is_labelled_with_its_column(live_demo, page):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_demo.url}/guides/connect-stripe-to-xero/")
    table = page.locator("table").first
    first_cell = table.locator("tbody td").first
    label = page.evaluate(
        "(el) => getComputedStyle(el, '::before').content", first_cell.element_handle()
    )
    heading = table.locator("thead th").nth(1).text_content()
    assert label == f'"{heading}"'
    # The caption wraps inside the column rather than being cut.
    caption = table.locator("caption").bounding_box()
    assert caption["x"] >= 0 and caption["x"] + caption["width"] <= PHONE["width"]
    # Shown as cards, it is still a table to a screen reader: Chromium's accessibility tree
    # has its rows, with the column headings and cells in them.
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    roles = [node["role"]["value"] for node in tree if "role" in node and not node.get("ignored")]
    assert roles.count("table") == page.locator("table").count()
    assert roles.count("row") == page.locator("tr").count()
    assert roles.count("columnheader") == page.locator("thead th").count()
    assert roles.count("rowheader") == page.locator("tbody th").count()
    assert roles.count("cell") == page.locator("td").count()


def test_every_guide_offers_a_booking_link_within_the_first_two_screens(live_demo, page):
    page.set_viewport_size(PHONE)
    booking_url = SiteSettings.for_default_site().default_cta_page.url
    for path in guide_paths():
        page.goto(f"{live_demo.url}{path}")
        link = page.locator(f'main a[href^="{booking_url}"]').first
        top = page.evaluate(
            "(el) => el.getBoundingClientRect().top + scrollY", link.element_handle()
        )
        assert top < 2 * PHONE["height"], (path, top)


def test_a_phone_reaches_the_slot_picker_from_the_top_in_one_tap(live_demo, page):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_demo.url}/health-check/")
    jump = page.get_by_role("link", name="Choose a time").first
    assert jump.bounding_box()["y"] + jump.bounding_box()["height"] <= PHONE["height"]
    jump.click()
    expect(page.locator("#slot-fieldset .slot-picker__legend")).to_be_in_viewport()


@pytest.mark.parametrize("width", [390, 1440])
def test_the_error_summary_sits_directly_above_the_form_fields(live_demo, page, width):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"{live_demo.url}/health-check/")
    page.get_by_role("button", name="Send my request").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    # Both boxes at the same moment: autofocus may still be scrolling the page.
    gap, offset = page.evaluate("""() => {
        const summary = document.querySelector(".error-summary").getBoundingClientRect();
        const form = document.querySelector(".booking-form").getBoundingClientRect();
        return [form.top - summary.bottom, form.left - summary.left];
    }""")
    assert 0 <= gap <= 48, gap  # the form's own spacing, nothing in between
    assert abs(offset) <= 4  # the same column, on every width
    assert scroll_width(page) <= width
    # The request sent back leads with the form: every problem is in the first screen, and
    # the page did not jump down to them as it loaded.
    assert page.evaluate("window.scrollY") == 0
    expect(summary).to_be_in_viewport(ratio=1)
