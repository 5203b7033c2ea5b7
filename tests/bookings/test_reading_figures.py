"""Reading figures beside requests, with known numbers: the "Which guides sell" report (table,
CSV), the guide editor's "last 30 days" line and the editors' dashboard panel."""

import csv
import datetime as dt
import io
import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from apiwise.analytics import store
from apiwise.analytics.flush import flush_page_views
from apiwise.models import PageViewCount
from blog.models import ArticlePage
from tests.bookings.test_guides_report import REPORT, SHOPIFY, STRIPE, table_rows
from tests.helpers import make_booking, text_of
from tests.page_views import beacon

pytestmark = pytest.mark.django_db
READING = (
    "Views",
    "Health Check visits",
    "Visits per view",
    "Requests",
    "Requests per visit",
    "Requests per view",
    "Became clients",
    "Clients per request",
)


def guide(path):
    return ArticlePage.objects.get(slug=path.strip("/").rsplit("/", 1)[-1])


@pytest.fixture
def readers():
    """Today: Shopify read 20 times (6 from a newsletter), Stripe 10, About 3; the Health
    Check page opened 4 times from Shopify, once from Stripe (from the newsletter) and twice
    directly. 40 days ago: Shopify read 100 times. Requests: Shopify 2 (1 client), Stripe 2."""
    store.local_buffer.take()
    browser = Client()
    for n in range(20):
        beacon(browser, SHOPIFY, **({"s": "newsletter"} if n < 6 else {}))
    for _ in range(10):
        beacon(browser, STRIPE, r="google.com")
    for _ in range(3):
        beacon(browser, "/about/")
    for _ in range(4):
        beacon(browser, "/health-check/", f=SHOPIFY)
    beacon(browser, "/health-check/", f=STRIPE, s="newsletter")
    for _ in range(2):
        beacon(browser, "/health-check/")
    assert flush_page_views() == 40
    PageViewCount.objects.create(
        day=timezone.localdate() - dt.timedelta(days=40),
        page=guide(SHOPIFY),
        device="desktop",
        views=100,
    )
    make_booking(source_page=SHOPIFY, became_client=True, status="completed")
    make_booking(source_page=SHOPIFY)
    make_booking(source_page=STRIPE, utm={"utm_source": "newsletter"})
    make_booking(source_page=STRIPE)


def test_the_report_puts_views_and_visits_beside_requests_per_guide(sales_client, readers):
    html = sales_client.get(REPORT).content.decode()
    rows = {row[0]: row[1:] for row in table_rows(html, READING)}
    assert rows[guide(SHOPIFY).title] == ["120", "4", "3.3 %", "2", "50 %", "1.7 %", "1", "50 %"]
    assert rows[guide(STRIPE).title] == ["10", "1", "10 %", "2", "200 %", "20 %", "0", "0.0 %"]
    assert rows["Other pages / direct"][:2] == ["3", "2"]
    assert "133 page views and 7 Health Check visits in those days" in text_of(html)


def test_a_guide_read_but_never_booked_has_a_row_too(sales_client, readers):
    make_booking(source_page=SHOPIFY, status="spam")  # not a lead
    PageViewCount.objects.create(
        day=timezone.localdate(),
        page=guide("/guides/apis-vs-integrations-vs-automation/"),
        device="mobile",
        views=7,
    )
    rows = {
        row[0]: row[1:] for row in table_rows(sales_client.get(REPORT).content.decode(), READING)
    }
    assert rows[guide("/guides/apis-vs-integrations-vs-automation/").title][:6] == [
        "7",
        "0",
        "0.0 %",
        "0",
        "–",
        "0.0 %",
    ]


def test_the_chosen_dates_bound_the_views(sales_client, readers):
    today = timezone.localdate()
    query = f"?date_from={today - dt.timedelta(days=50)}&date_to={today - dt.timedelta(days=30)}"
    rows = {
        row[0]: row[1:]
        for row in table_rows(sales_client.get(REPORT + query).content.decode(), READING)
    }
    assert rows == {guide(SHOPIFY).title: ["100", "0", "0.0 %", "0", "–", "0.0 %", "0", "–"]}


def test_by_topic_and_by_source(sales_client, readers):
    html = sales_client.get(REPORT + "?grouping=topic").content.decode()
    topics = {row[0]: row[1:] for row in table_rows(html, READING)}
    assert topics["Xero"][:4] == ["130", "5", "3.8 %", "4"]  # both guides are about Xero
    assert topics["Shopify"][:4] == ["120", "4", "3.3 %", "2"]
    html = sales_client.get(REPORT + "?grouping=utm_source").content.decode()
    sources = {row[0]: row[1:] for row in table_rows(html, READING)}
    assert sources["newsletter"][:4] == ["6", "1", "17 %", "1"]
    assert sources["No utm_source"][:2] == ["127", "6"]


def test_the_csv_has_a_views_column_and_the_rates_as_numbers(sales_client, readers):
    response = sales_client.get(REPORT + "?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header = rows[0]
    by_label = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    shopify = by_label[guide(SHOPIFY).title]
    assert shopify["Views"] == "120"
    assert shopify["Health Check visits"] == "4"
    assert shopify["Requests per view (%)"] == "1.7"
    assert shopify["Requests per visit (%)"] == "50.0"
    assert by_label["All pages and requests"]["Views"] == "133"


@pytest.fixture
def editor_client():
    user = User.objects.create_user("eddie", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


def test_a_guides_editor_shows_its_last_30_days(editor_client, readers):
    html = text_of(editor_client.get(f"/admin/pages/{guide(SHOPIFY).pk}/edit/").content.decode())
    assert "Last 30 days: 20 views, 2 requests (10 % of views)." in html
    html = text_of(editor_client.get(f"/admin/pages/{guide(STRIPE).pk}/edit/").content.decode())
    assert "Last 30 days: 10 views, 2 requests (20 % of views)." in html


def dashboard_table(html, heading_id):
    start = html.index(f'aria-labelledby="{heading_id}"')
    table = html[start : html.index("</table>", start)]
    body = table[table.index("<tbody>") :]
    return [
        [text_of(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_the_dashboard_shows_the_most_read_guides_and_those_whose_readers_book(
    editor_client, readers
):
    html = editor_client.get("/admin/").content.decode()
    assert "Guides: readers and requests" in html
    shopify, stripe = guide(SHOPIFY).title, guide(STRIPE).title
    assert dashboard_table(html, "most-read-heading") == [
        [shopify, "20", "2", "10 %"],
        [stripe, "10", "2", "20 %"],
    ]
    assert dashboard_table(html, "readers-book-heading") == [
        [stripe, "20 %", "2", "10"],
        [shopify, "10 %", "2", "20"],
    ]
    assert 'href="/admin/bookings/report/"' not in html  # the report is for Sales
