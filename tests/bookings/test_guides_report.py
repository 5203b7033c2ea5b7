"""The "Which guides sell" report: counts and ranking per guide, topic and utm_source, the
date range, the chart and CSV, who may see it; the outcome staff record; the guide's panel."""

import csv
import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from wagtail.models import ModelLogEntry

from blog.models import ArticlePage
from bookings.models import Booking
from tests.helpers import make_booking, text_of

pytestmark = pytest.mark.django_db

REPORT = "/admin/bookings/report/"
SHOPIFY = "/guides/sync-shopify-and-xero/"  # topics: Shopify, Xero, Zapier
STRIPE = "/guides/connect-stripe-to-xero/"  # topics: Make, Stripe, Xero, Zapier


def guide(slug):
    return ArticlePage.objects.get(slug=slug)


@pytest.fixture
def leads():
    """Requests from two guides and elsewhere, in several states; spam from the busiest."""
    make_booking(source_page=SHOPIFY, utm={"utm_source": "newsletter"}, status="completed")
    make_booking(
        source_page=SHOPIFY + "?utm_source=Newsletter",
        utm={"utm_source": "Newsletter"},
        status="completed",
        became_client=True,
        won_value=Decimal("1500"),
    )
    make_booking(source_page=STRIPE, status="contacted")
    make_booking(source_page=STRIPE, status="declined")
    make_booking(
        source_page=STRIPE,
        utm={"utm_source": "linkedin"},
        became_client=True,
        status="completed",
    )
    make_booking(source_page="/about/", status="new")
    make_booking(source_page="", status="new", utm={"utm_source": "=cmd|' /C calc'!A0"})
    for _ in range(3):
        make_booking(source_page=STRIPE, status="spam")


@pytest.fixture
def editor_client(client):
    user = User.objects.create_user("eddie", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


# The outcome columns these tests read; the reading figures' own are read by
# tests/bookings/test_reading_figures.py.
OUTCOME_COLUMNS = ("Requests", "Contacted", "Completed", "Became clients", "Declined", "Won value")


def table_rows(html, columns=OUTCOME_COLUMNS):
    """The report table's body rows as lists of cell texts: the label, then `columns`."""
    table = html[html.index('aria-labelledby="table-heading"') :]
    head = table[table.index("<thead>") : table.index("</thead>")]
    headings = [text_of(cell) for cell in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)]
    wanted = [0, *(headings.index(name) for name in columns)]
    body = table[table.index("<tbody>") : table.index("</tbody>")]
    rows = [
        [text_of(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]
    return [[row[index] for index in wanted] for row in rows]


def test_guides_ranked_by_won_work_with_outcomes_and_spam_left_out(sales_client, leads):
    html = sales_client.get(REPORT).content.decode()
    shopify, stripe = guide("sync-shopify-and-xero"), guide("connect-stripe-to-xero")
    # label, requests, contacted, completed, clients, declined, won value
    assert table_rows(html) == [
        [shopify.title, "2", "2", "2", "1", "0", "£1,500"],
        [stripe.title, "3", "2", "1", "1", "1", "£0"],
        ["Other pages / direct", "2", "0", "0", "0", "0", "£0"],
    ]
    assert "7 requests from" in html and "2 became clients, won value £1,500" in html
    assert "3 spam requests left out" in html
    assert f'href="/admin/pages/{shopify.pk}/edit/"' in html


def test_clients_outrank_requests_when_no_value_is_recorded(sales_client):
    for _ in range(3):
        make_booking(source_page=SHOPIFY)
    make_booking(source_page=STRIPE, became_client=True)
    rows = table_rows(sales_client.get(REPORT).content.decode())
    assert [row[0] for row in rows] == [
        guide("connect-stripe-to-xero").title,
        guide("sync-shopify-and-xero").title,
    ]


def test_a_draft_guide_or_an_unknown_path_counts_as_other_pages(sales_client):
    make_booking(source_page="/guides/connect-amazon-to-xero/")  # a draft in the demo
    make_booking(source_page="/guides/no-such-guide/?utm_source=x")
    make_booking(source_page=SHOPIFY.rstrip("/"))  # the same guide without the slash
    rows = table_rows(sales_client.get(REPORT).content.decode())
    assert rows == [
        [guide("sync-shopify-and-xero").title, "1", "0", "0", "0", "0", "£0"],
        ["Other pages / direct", "2", "0", "0", "0", "0", "£0"],
    ]


def test_grouped_by_topic_a_request_counts_under_each_topic_of_its_guide(sales_client, leads):
    rows = table_rows(sales_client.get(REPORT + "?grouping=topic").content.decode())
    by_label = {row[0]: row[1:] for row in rows}
    assert by_label["Xero"] == ["5", "4", "3", "2", "1", "£1,500"]
    assert by_label["Zapier"] == by_label["Xero"]  # both guides are about both
    assert by_label["Shopify"] == ["2", "2", "2", "1", "0", "£1,500"]
    assert by_label["Stripe"] == ["3", "2", "1", "1", "1", "£0"]
    assert by_label["Other pages / direct"][0] == "2"
    # The same value: more clients first, then the name.
    assert [row[0] for row in rows][:3] == ["Xero", "Zapier", "Shopify"]


def test_grouped_by_utm_source_ignoring_case(sales_client, leads):
    rows = table_rows(sales_client.get(REPORT + "?grouping=utm_source").content.decode())
    by_label = {row[0]: row[1:] for row in rows}
    assert by_label["newsletter"] == ["2", "2", "2", "1", "0", "£1,500"]
    assert by_label["linkedin"][:4] == ["1", "1", "1", "1"]
    assert by_label["No utm_source"][0] == "3"  # two from Stripe, one from /about/
    assert rows[-1][0] == "No utm_source"


def test_date_range_counts_only_requests_made_in_it(sales_client):
    make_booking(source_page=SHOPIFY, days_old=40)
    make_booking(source_page=SHOPIFY, days_old=10)
    make_booking(source_page=STRIPE, days_old=2)
    today = timezone.localdate()
    date_from = (today - dt.timedelta(days=20)).isoformat()
    date_to = (today - dt.timedelta(days=5)).isoformat()
    rows = table_rows(
        sales_client.get(f"{REPORT}?date_from={date_from}&date_to={date_to}").content.decode()
    )
    assert rows == [[guide("sync-shopify-and-xero").title, "1", "0", "0", "0", "0", "£0"]]


def test_bad_dates_get_a_message_not_an_error_page(sales_client):
    response = sales_client.get(REPORT + "?date_from=31/02/2026&date_to=2026-13-01")
    assert response.status_code == 200
    assert "Enter a date like 2026-11-30." in response.content.decode()
    assert "All numbers" not in response.content.decode()

    response = sales_client.get(REPORT + "?date_from=2026-06-01&date_to=2026-05-01")
    assert "The “to” date must be on or after the “from” date." in response.content.decode()

    response = sales_client.get(REPORT + "?date_from=9999-12-31&format=csv")
    assert response.status_code == 200
    assert "Enter a date between 1 Jan 2000 and 31 Dec 2100." in response.content.decode()

    response = sales_client.get(REPORT + "?grouping=salary")
    assert "Choose to group by guide, topic or utm_source." in response.content.decode()


def test_chart_is_svg_with_an_accessible_name_and_the_same_numbers(sales_client, leads):
    html = sales_client.get(REPORT).content.decode()
    chart = html[html.index('<svg class="guides-report-chart"') :]
    svg = chart[: chart.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="chart-title chart-desc"' in svg
    assert '<title id="chart-title">Requests and clients by source guide' in svg
    title = guide("sync-shopify-and-xero").title
    # The description reads the bars (and the views written beside each name).
    assert f"{title} (0 views, – requested): 2 requests, 1 became client;" in svg
    assert svg.count("<text") >= 2 + 3 * 3  # legend, then a name and two numbers per row
    assert "<script" not in html[html.index("<main") :]


def test_csv_has_the_same_rows_and_neutralises_formulas(sales_client, leads):
    response = sales_client.get(REPORT + "?grouping=utm_source&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="which-guides-sell-')
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "utm_source",
        "Views",
        "Health Check visits",
        "Requests",
        "Contacted",
        "Completed",
        "Became clients",
        "Declined",
        "Won value (GBP)",
        "Visits per view (%)",
        "Requests per visit (%)",
        "Requests per view (%)",
        "Clients per request (%)",
    ]
    # No views counted: the rates that divide by them are empty, not 0.
    newsletter = rows[1]
    assert newsletter[:8] == ["newsletter", "0", "0", "2", "2", "2", "1", "0"]
    assert newsletter[8] == "1500.00"  # pounds and pence, on every database
    assert newsletter[9:] == ["", "", "", "50.0"]
    assert ["'=cmd|' /c calc'!a0", "0", "0", "1", "0", "0", "0", "0", "0.00"] in [
        row[:9] for row in rows
    ]
    assert rows[-1][:4] == ["All pages and requests", "0", "0", "7"]


def test_only_sales_and_superusers_see_the_report(editor_client, leads, admin_client):
    response = editor_client.get(REPORT)
    assert response.status_code in (302, 403)
    assert "Other pages / direct" not in response.content.decode()
    assert "Which guides sell" not in editor_client.get("/admin/").content.decode()
    assert editor_client.get(REPORT + "?format=csv").status_code in (302, 403)

    assert "Which guides sell" in admin_client.get("/admin/").content.decode()
    assert admin_client.get(REPORT).status_code == 200


def test_sales_record_the_outcome_and_value_on_the_request(sales_client):
    booking = make_booking(status="completed", source_page=SHOPIFY)
    url = f"/admin/bookings/requests/edit/{booking.pk}/"
    form = {"status": "completed", "staff_notes": "", "became_client": "on"}
    response = sales_client.post(url, {**form, "won_value": "-5"})
    assert response.status_code == 200
    assert "Enter a value of £0 or more." in response.content.decode()

    response = sales_client.post(url, {**form, "became_client": "", "won_value": "900"})
    assert "Tick “became a client” to record a won value." in response.content.decode()

    response = sales_client.post(url, {**form, "won_value": "2400.50"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.became_client and booking.won_value == Decimal("2400.50")
    assert ModelLogEntry.objects.filter(action="bookings.outcome", user__username="sam").exists()

    inspect = sales_client.get(f"/admin/bookings/requests/inspect/{booking.pk}/").content.decode()
    assert "Became a client" in inspect and "£2,400.50" in inspect
    assert "Recorded the outcome" in inspect


def test_a_guides_editor_shows_the_requests_it_brought(editor_client, leads):
    shopify = guide("sync-shopify-and-xero")
    html = editor_client.get(f"/admin/pages/{shopify.pk}/edit/").content.decode()
    assert "2 Health Check requests came from this guide (1 became client)." in html

    stripe = guide("connect-stripe-to-xero")  # its three spam requests are not counted
    html = editor_client.get(f"/admin/pages/{stripe.pk}/edit/").content.decode()
    assert "3 Health Check requests came from this guide (1 became client)." in html
    assert 'href="/admin/bookings/report/"' not in html  # the report is for Sales


def test_the_guides_panel_costs_one_query(admin_client, leads, django_assert_max_num_queries):
    from bookings.attribution import outcomes_for_guide

    shopify = guide("sync-shopify-and-xero")
    outcomes_for_guide(shopify)  # Wagtail caches the site lookup after the first call
    with django_assert_max_num_queries(1):
        assert outcomes_for_guide(shopify)["requests"] == 2
    assert Booking.objects.count() == 10


def test_a_source_typed_in_a_campaign_link_is_shown_as_text(sales_client):
    make_booking(utm={"utm_source": "<script>alert(1)</script>"})
    html = sales_client.get(REPORT + "?grouping=utm_source").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert table_rows(html)[0][0] == "<script>alert(1)</script>"  # escaped, read as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html[html.index("<svg class=") :]
