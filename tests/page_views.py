"""Helpers for tests of the reading figures: a browser's beacon, and the counts stored."""

from urllib.parse import urlencode

from apiwise.models import PageViewCount

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
