"""The staff side: who sees requests, the listing, export, inspect, status workflow."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, User
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from bookings.models import Booking
from tests.helpers import make_booking

pytestmark = pytest.mark.django_db


def test_sales_see_the_requests_and_editors_do_not(sales_client, client):
    make_booking()
    response = sales_client.get("/admin/bookings/requests/")
    assert response.status_code == 200
    assert "Compilers Ltd" in response.content.decode()
    # The admin's menu item (the sidebar's menu is data in the page).
    menu_item = '"name": "health-check-requests"'
    assert menu_item in sales_client.get("/admin/").content.decode()

    editor = User.objects.create_user("eddie", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    # No menu item for the requests (the dashboard's reading figures may name them).
    assert menu_item not in client.get("/admin/").content.decode()
    for url in (
        "/admin/bookings/requests/",
        "/admin/bookings/requests/?export=csv",
        "/admin/bookings/requests/?export=xlsx",
        f"/admin/bookings/requests/inspect/{Booking.objects.get().pk}/",
        "/admin/bookings/privacy/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Compilers Ltd" not in response.content.decode()


def test_search_and_filters(sales_client):
    make_booking()
    make_booking(
        name="Alan Turing", email="alan@bletchley.example", company="Bombe Ltd", status="contacted"
    )
    html = sales_client.get("/admin/bookings/requests/?q=bletchley").content.decode()
    assert "Bombe Ltd" in html and "Compilers Ltd" not in html
    html = sales_client.get("/admin/bookings/requests/?status=contacted").content.decode()
    assert "Bombe Ltd" in html and "Compilers Ltd" not in html
    html = sales_client.get("/admin/bookings/requests/?has_slot=true").content.decode()
    assert "Bombe Ltd" not in html


def test_csv_and_xlsx_exports_neutralise_formulas(sales_client):
    make_booking(
        name='=HYPERLINK("http://evil.example","x")',
        company="+44 Ltd",
        problem="@SUM(A1)",
        role="-1",
    )
    response = sales_client.get("/admin/bookings/requests/?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["Name"] == '\'=HYPERLINK("http://evil.example","x")'
    assert rows[0]["Company"] == "'+44 Ltd"
    assert rows[0]["What they want connected"] == "'@SUM(A1)"
    assert rows[0]["Role"] == "'-1"
    assert rows[0]["Work e-mail"] == "grace@example.com"

    response = sales_client.get("/admin/bookings/requests/?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert '\'=HYPERLINK("http://evil.example","x")' in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)


def test_inspect_shows_attribution_and_delivery_states(sales_client):
    booking = make_booking(source_page="/guides/xero/", utm={"utm_source": "newsletter"})
    booking.deliveries.create(
        kind="confirmation",
        state="failed",
        attempts=3,
        last_error="ConnectionRefusedError: refused",
    )
    html = sales_client.get(f"/admin/bookings/requests/inspect/{booking.pk}/").content.decode()
    assert "/guides/xero/" in html
    assert "utm_source: newsletter" in html
    assert "Failed" in html and "ConnectionRefusedError: refused" in html
    assert "Resend" in html


def test_status_change_is_logged_with_who_and_when(sales_client):
    booking = make_booking()
    response = sales_client.post(
        f"/admin/bookings/requests/edit/{booking.pk}/",
        {"status": "contacted", "staff_notes": "Called, left a message."},
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "contacted"
    assert booking.staff_notes == "Called, left a message."
    entry = ModelLogEntry.objects.get(action="bookings.status_change")
    assert entry.user.username == "sam"
    assert entry.data == {"from": "new", "to": "contacted"}
    html = sales_client.get(f"/admin/bookings/requests/inspect/{booking.pk}/").content.decode()
    assert "new → contacted" in html


def test_status_cannot_skip_the_workflow(sales_client):
    booking = make_booking(status="completed")
    response = sales_client.post(
        f"/admin/bookings/requests/edit/{booking.pk}/", {"status": "new", "staff_notes": ""}
    )
    assert response.status_code == 200  # form error
    booking.refresh_from_db()
    assert booking.status == "completed"


def test_resend_queues_the_email_again(sales_client, django_capture_on_commit_callbacks):
    from django.core import mail

    booking = make_booking()
    delivery = booking.deliveries.create(kind="confirmation", state="failed")
    with django_capture_on_commit_callbacks(execute=True):
        response = sales_client.post(f"/admin/bookings/deliveries/{delivery.pk}/resend/")
    assert response.status_code == 302
    assert booking.deliveries.filter(state="sent").count() == 1
    assert mail.outbox[0].to == ["grace@example.com"]
    assert ModelLogEntry.objects.filter(action="bookings.resend").exists()


def test_sales_can_edit_availability_and_blocked_dates(sales_client):
    response = sales_client.post(
        "/admin/bookings/blocked-dates/new/", {"date": "2027-05-03", "reason": "Bank holiday"}
    )
    assert response.status_code == 302
    response = sales_client.post(
        "/admin/bookings/availability/new/",
        {"weekday": "4", "start_time": "09:00", "end_time": "12:00"},
    )
    assert response.status_code == 302
    from bookings.models import AvailabilityWindow, BlockedDate

    assert BlockedDate.objects.filter(reason="Bank holiday").exists()
    assert AvailabilityWindow.objects.filter(weekday=4).exists()


def test_html_typed_by_a_visitor_is_escaped_in_the_admin(sales_client):
    booking = make_booking(name="<script>alert('x')</script>", company="<b>Bold</b>")
    for url in ("/admin/bookings/requests/", f"/admin/bookings/requests/inspect/{booking.pk}/"):
        html = sales_client.get(url).content.decode()
        assert "<script>alert('x')</script>" not in html
        assert "&lt;script&gt;" in html


def test_staff_cannot_create_a_request_in_the_admin(admin_client):
    """Requests come from the public form only: no "add" view, no button to it."""
    assert admin_client.get("/admin/bookings/requests/new/").status_code == 404
    index = admin_client.get("/admin/bookings/requests/").content.decode()
    assert "/admin/bookings/requests/new/" not in index
    assert not Booking.objects.filter(name="").exists()


def test_export_never_fails_on_control_characters_in_a_stored_value(sales_client):
    """Rows stored before the form cleaned hidden fields (or by any other path) may hold
    characters XLSX cannot: the export drops them rather than failing for every Sales user."""
    make_booking(
        name="Ada\x01 Lovelace",
        problem="Line one\x0bline two\x1f",
        source_page="/guides/\x02x/",
        utm={"utm_source": "news\x01letter", "utm_campaign": "=cmd\x07"},
    )
    response = sales_client.get("/admin/bookings/requests/?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert "Ada Lovelace" in values
    assert "Line oneline two" in values
    assert any(isinstance(v, str) and "utm_source: newsletter" in v for v in values)
    csv_response = sales_client.get("/admin/bookings/requests/?export=csv")
    assert csv_response.status_code == 200


def test_exports_read_like_english(sales_client):
    """Labels, not codes; Yes/No; UK dates to the minute; "—" for nothing."""
    import datetime as dt

    created = dt.datetime(2026, 11, 30, 14, 5, 33, 123456, tzinfo=dt.UTC)
    make_booking(volume="lt1000", marketing_opt_in=False, created_at=created, phone="")
    response = sales_client.get("/admin/bookings/requests/?export=csv")
    row = next(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert row["Status"] == "New"
    assert row["Monthly orders or transactions"] == "100 to 1,000 a month"
    assert row["Marketing opt in"] == "No"
    assert row["Created at"] == "30 Nov 2026 14:05"
    assert row["Phone"] == "—"
    assert row["UTM"] == "—"

    response = sales_client.get("/admin/bookings/requests/?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert "New" in values and "100 to 1,000 a month" in values and "No" in values
    assert "30 Nov 2026 14:05" in values and "new" not in values and "lt1000" not in values


def test_inspect_view_keeps_line_breaks_and_shows_a_dash_for_nothing(sales_client):
    booking = make_booking(
        problem="Orders are re-typed.\nStock is wrong.", role="", volume="unsure"
    )
    html = sales_client.get(f"/admin/bookings/requests/inspect/{booking.pk}/").content.decode()
    assert "Orders are re-typed.<br>Stock is wrong." in html
    assert "Not sure" in html and ">unsure<" not in html
    fields = html[html.index("<dl") : html.index("</dl>")]
    assert ">None<" not in fields and "None\n" not in fields
    assert "—" in fields
