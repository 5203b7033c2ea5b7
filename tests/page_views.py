"""Helpers for tests of the reading figures: a browser's beacon, and the counts stored."""

from urllib.parse import urlencode

from apiwise.models import PageViewCount
from tests.helpers import wait_until

BROWSER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/156.0.0.0 Safari/537.36"
)
VISITOR_ADDRESS = "203.0.113.9"


def beacon(client, path, headers=None, **fields):
    """POST a page view the way static/js/page-view.js does (the fields in the query string,
    no body), from a desktop browser unless `fields` say otherwise."""
    return client.post(
        "/views/?" + urlencode({"p": path, "d": "d", **fields}),
        headers={"User-Agent": BROWSER_AGENT, **(headers or {})},
        REMOTE_ADDR=VISITOR_ADDRESS,
    )


def beacon_in_body(client, path, **fields):
    """POST a page view as the script did before (a form-encoded body): pages cached then
    still send it."""
    return client.post(
        "/views/",
        urlencode({"p": path, "d": "d", **fields}),
        content_type="application/x-www-form-urlencoded;charset=UTF-8",
        headers={"User-Agent": BROWSER_AGENT},
        REMOTE_ADDR=VISITOR_ADDRESS,
    )


def views_of(page, **filters):
    return sum(PageViewCount.objects.filter(page=page, **filters).values_list("views", flat=True))


def read_five_and_two(browser, base_url, first, second):
    """A reader's Chromium opens `first` 5 times and `second` twice. Returns the beacons it
    sent and the cookies it holds afterwards."""
    # Headless Chromium says "HeadlessChrome", which is not counted: a reader's user agent.
    context = browser.new_context(user_agent=BROWSER_AGENT)
    page = context.new_page()
    beacons = []
    page.on("request", lambda r: beacons.append(r) if "/views/?" in r.url else None)
    for path, times in ((first, 5), (second, 2)):
        for _ in range(times):
            page.goto(f"{base_url}{path}")
            page.wait_for_load_state("load")
    # Playwright hands over events only while it is called: wait in the page.
    wait_until(
        lambda: page.wait_for_timeout(200) or len(beacons) == 7, 20, message="7 beacons sent"
    )
    page.wait_for_timeout(500)  # the last beacon answered
    cookies = context.cookies()
    context.close()
    return beacons, cookies
