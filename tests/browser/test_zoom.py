"""Zoom: at 200% a 1280px-wide window is 640 CSS pixels wide, and at 400% it is 320 (WCAG 2.2
reflow). Content must reflow to that width without scrolling sideways; only wide tables may
scroll, inside their own container."""

import pytest

from tests.helpers import PUBLIC_PAGES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# Elements wider than the window, other than those inside a scrolling table container.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .filter((el) => !el.closest(".table-wrap, .code-block__scroll"))
        .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
}"""


@pytest.mark.parametrize("css_width", [640, 320])
def test_pages_reflow_without_sideways_scrolling_when_zoomed(live_demo, page, css_width):
    page.set_viewport_size({"width": css_width, "height": 800})
    for path in PUBLIC_PAGES:
        page.goto(f"{live_demo.url}{path}")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= css_width, (path, scroll_width, page.evaluate(OVERFLOWING))
        assert page.evaluate(OVERFLOWING) == [], path
