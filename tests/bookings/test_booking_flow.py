"""The visitor's journey through the test client: the page, the form, the confirmation."""

import re

import pytest
from django.core import mail
from django.test import Client

from apiwise.models import EmailDelivery
from bookings import links
from bookings.models import Booking
from bookings.slots import Rules, free_slots, uk_today
from tests.bookings.notice import FIRST_CALL_AND_REMINDER
from tests.helpers import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(client, django_capture_on_commit_callbacks):
    """Submit the form; e-mail tasks run on commit, as they would outside a test."""

    def submit(**overrides):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/health-check/", form_data(**overrides))
        assert response.status_code == 303, response.content.decode()[-3000:]
        return response

    return submit


def test_page_shows_price_with_and_without_vat_and_slots_grouped_by_day(client, first_free_slot):
    html = client.get("/health-check/").content.decode()
    assert "£495 + VAT" in html
    assert "£594 including VAT" in html
    # Days first, each saying how many times are free; the first day open; its times as
    # short labels that screen readers hear with their day.
    days = re.findall(
        r'<details class="slot-day" name="slot-day"( open)?>\s*<summary class="slot-day__summary">'
        r'<span class="slot-day__name">(\w+day \d+ \w+)</span> '
        r'<span class="slot-day__count">(\d+) times? free</span>',
        html,
    )
    assert days and days[0][0] == " open" and all(not d[0] for d in days[1:])
    # The first week of them (later weeks are a link away: tests/bookings/test_slot_weeks.py).
    first, last = Rules.current().week_days(uk_today(), 1)
    first_week = [s for s in free_slots() if first <= s.day <= last]
    assert sum(int(count) for _open, _day, count in days) == len(first_week)
    day = f"{first_free_slot.local_start:%A} {first_free_slot.local_start.day} {first_free_slot.local_start:%B}"
    assert days[0][1] == day
    label = re.search(
        rf'<label class="slot__label" for="{first_free_slot.html_id}">(.*?)</label>', html
    )
    assert (
        label.group(1)
        == f'{first_free_slot.short_time}<span class="visually-hidden"> on {day}</span>'
    )
    assert f'data-choice="{first_free_slot.label}"' in html
    assert "None of these suit me, please suggest times" in html
    # Privacy line with a link, and an unticked opt-in.
    assert 'href="/privacy/"' in html
    assert 'name="marketing_opt_in"' in html
    assert re.search(r'name="marketing_opt_in"[^>]*checked', html) is None


def test_booking_a_slot_redirects_to_a_confirmation_with_calendar_invite(
    client, first_free_slot, book
):
    response = book(slot=first_free_slot.value)
    booking = Booking.objects.get()
    assert booking.slot_start == first_free_slot.start
    assert booking.status == "new"
    assert response["Location"] == "/health-check/booked/"

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert booking.reference in html
    assert f"Booked: {first_free_slot.long_label} (UK time)" in html
    assert "Add to calendar (.ics)" in html

    ics_url = re.search(r'href="([^"]+/calendar/)"', html).group(1)
    ics = client.get(ics_url)
    assert ics["Content-Type"].startswith("text/calendar")
    assert f"{booking.reference}.ics" in ics["Content-Disposition"]
    body = ics.content.decode()
    assert f"DTSTART:{first_free_slot.start:%Y%m%dT%H%M%SZ}" in body
    assert "\r\n" in body

    # The slot is no longer offered to the next visitor.
    assert first_free_slot not in free_slots()
    assert first_free_slot.label not in client.get("/health-check/").content.decode()


@pytest.mark.parametrize(("call", "reminder_due"), FIRST_CALL_AND_REMINDER)
def test_confirmation_and_staff_emails_are_sent_with_the_invite(
    client, first_free_slot, book, call, reminder_due
):
    assert first_free_slot.label == call
    book(slot=first_free_slot.value)
    booking = Booking.objects.get()
    sent_now = [("confirmation", "sent", None), ("staff", "sent", None)]
    later = [("reminder", "queued", reminder_due)] if reminder_due else []
    assert sorted(
        (d.kind, d.state, d.next_attempt_at if d.kind == "reminder" else None)
        for d in booking.deliveries.all()
    ) == sorted(sent_now + later)
    prospect, staff = sorted(mail.outbox, key=lambda m: m.to != [booking.email])
    assert prospect.to == ["ada@example.co.uk"]
    assert booking.reference in prospect.subject
    assert call in prospect.body
    assert "/health-check/manage/" in prospect.body
    assert any(name == "health-check.ics" for name, _c, _m in prospect.attachments)
    assert prospect.alternatives[0].mimetype == "text/html"
    assert staff.to == ["hello@apiwise.example"]
    assert staff.reply_to == ["ada@example.co.uk"]
    assert "Analytical Engines Ltd" in staff.subject


def test_no_slot_booking_says_we_will_suggest_times(client, book):
    response = book(slot="none")
    booking = Booking.objects.get()
    assert booking.slot_start is None
    html = client.get(response["Location"]).content.decode()
    assert "we will e-mail you within one working day to suggest some" in html
    assert "Add to calendar" not in html


def test_only_the_browser_that_booked_sees_the_request(client, first_free_slot, book):
    url = book(slot=first_free_slot.value)["Location"]
    booking = Booking.objects.get()

    # Anyone else at the same address (a crawler, a shared link) sees where to find theirs.
    stranger = Client()
    page = stranger.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Your Health Check request</h1>" in html
    for personal in (booking.reference, booking.name, booking.email, booking.company):
        assert personal not in html
    assert "your confirmation e-mail has your reference" in html
    assert "noindex" not in html
    assert f'<link rel="canonical" href="{booking_page().full_url}booked/">' in html
    assert stranger.get(url + "calendar/").status_code == 404

    # The booking browser still sees it; the old signed addresses are gone.
    assert booking.reference in client.get(url).content.decode()
    assert client.get("/health-check/booked/nonsense/").status_code == 404


def test_confirmation_shows_the_request_for_a_limited_time(client, settings, book):
    url = book()["Location"]
    settings.BOOKINGS_CONFIRMATION_HOURS = -1
    html = client.get(url).content.decode()
    assert Booking.objects.get().reference not in html
    assert "Your Health Check request</h1>" in html
    assert client.get(url + "calendar/").status_code == 404


def test_errors_are_summarised_linked_and_every_valid_value_kept(client, first_free_slot):
    data = form_data(slot=first_free_slot.value, email="not-an-email", name="")
    response = client.post("/health-check/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert Booking.objects.count() == 0
    assert "<title>Error: Integration Health Check" in html
    # The summary sits directly above the form whose fields it lists (autofocus scrolls to it).
    assert html.index('id="booking-heading"') < html.index('class="error-summary"')
    assert re.search(
        r'</div>\s*<form class="booking-form"', html[html.index('class="error-summary"') :]
    )
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    # Each problem says what to fix, so the summary makes sense on its own.
    assert 'href="#id_name">Enter your name.</a>' in summary
    assert 'href="#id_email">Enter an e-mail address like name@company.co.uk.</a>' in summary
    assert 'id="id_email_error"' in html
    assert re.search(r'id="id_email"[^>]*aria-describedby="id_email_error"', html) or re.search(
        r'aria-describedby="id_email_error"[^>]*id="id_email"', html
    )
    assert 'value="Analytical Engines Ltd"' in html
    assert "Orders from Shopify are typed into Xero by hand." in html
    assert re.search(rf'value="{first_free_slot.value}" data-choice="[^"]+" checked', html)


@pytest.mark.parametrize(("call", "reminder_due"), FIRST_CALL_AND_REMINDER)
def test_resubmitting_the_same_form_creates_one_booking(
    client, first_free_slot, django_capture_on_commit_callbacks, call, reminder_due
):
    assert first_free_slot.label == call
    data = form_data(slot=first_free_slot.value)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/health-check/", data)
        second = client.post("/health-check/", data)
    assert Booking.objects.count() == 1
    # Both go to the confirmation of that one booking.
    booking = Booking.objects.get()
    assert first["Location"] == second["Location"] == "/health-check/booked/"
    assert booking.reference in client.get(second["Location"]).content.decode()
    # One booking's e-mails: its confirmation and staff's notice, sent; its reminder, if the
    # call is far enough away, queued once.
    kinds = sorted(EmailDelivery.objects.values_list("kind", flat=True))
    assert kinds == (
        ["confirmation", "reminder", "staff"] if reminder_due else ["confirmation", "staff"]
    )
    assert len(mail.outbox) == 2


def test_attribution_from_guide_parameter_and_utm_without_cookies(client, book):
    page = client.get(
        "/health-check/?from=/guides/xero-shopify/&utm_source=newsletter&utm_medium=email"
    )
    html = page.content.decode()
    assert not page.cookies.get("sessionid")
    source = re.search(r'name="source_page" value="([^"]*)"', html).group(1)
    utm_source = re.search(r'name="utm_source" value="([^"]*)"', html).group(1)
    assert source == "/guides/xero-shopify/"
    book(source_page=source, utm_source=utm_source, utm_medium="email")
    booking = Booking.objects.get()
    assert booking.source_page == "/guides/xero-shopify/"
    assert booking.utm == {"utm_source": "newsletter", "utm_medium": "email"}


def test_attribution_from_same_site_referrer_only(client):
    html = client.get(
        "/health-check/", headers={"referer": "http://testserver/guides/stripe/"}
    ).content.decode()
    assert 'name="source_page" value="/guides/stripe/"' in html
    html = client.get(
        "/health-check/", headers={"referer": "https://evil.example/x"}
    ).content.decode()
    assert 'name="source_page" value=""' in html or 'name="source_page" id' in html
    html = client.get("/health-check/?from=https://evil.example/").content.decode()
    assert "evil.example" not in html


def test_cancel_link_frees_the_slot(
    client, first_free_slot, book, django_capture_on_commit_callbacks
):
    book(slot=first_free_slot.value)
    booking = Booking.objects.get()
    url = links.page_url(booking_page(), "manage", links.manage_token(booking))
    assert first_free_slot.label in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "cancel"})
    assert response.status_code == 303
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert first_free_slot in free_slots()
    assert "Your booking is cancelled" in client.get(response["Location"]).content.decode()
    assert any("cancelled" in m.subject for m in mail.outbox)


def test_reschedule_link_moves_the_booking(client, first_free_slot, book):
    book(slot=first_free_slot.value)
    booking = Booking.objects.get()
    url = links.page_url(booking_page(), "manage", links.manage_token(booking))
    other = [s for s in free_slots() if s != first_free_slot][0]
    response = client.post(url, {"action": "reschedule", "slot": other.value})
    assert response.status_code == 303
    booking.refresh_from_db()
    assert booking.slot_start == other.start
    assert first_free_slot in free_slots()
    assert other.label in client.get(response["Location"]).content.decode()


def test_manage_link_expires_and_rejects_tampering(client, settings, book):
    book()
    booking = Booking.objects.get()
    url = links.page_url(booking_page(), "manage", links.manage_token(booking))
    assert client.get(url[:-3] + "AA/").status_code == 404
    settings.BOOKINGS_MANAGE_LINK_DAYS = -1
    assert client.get(url).status_code == 404


def booking_page():
    from bookings.models import HealthCheckPage

    return HealthCheckPage.objects.get()


def test_health_check_faqs_are_shown_and_marked_up_for_search_engines(client):
    import json

    html = client.get("/health-check/").content.decode()
    questions = re.findall(r'<summary class="faq__question">(.*?)</summary>', html)
    assert "Do I need to prepare anything?" in questions
    blocks = [
        json.loads(text)
        for text in re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html)
    ]
    faq = [b for b in blocks if b["@type"] == "FAQPage"]
    assert len(faq) == 1
    assert [q["name"] for q in faq[0]["mainEntity"]] == questions
    assert faq[0]["mainEntity"][1]["acceptedAnswer"]["text"].startswith("Then that is the plan.")


def test_every_cookie_the_booking_sets_is_named_in_the_privacy_notice(client, book):
    names = set(client.get("/health-check/").cookies) | set(book().cookies)
    assert names == {"csrftoken", "sessionid"}
    privacy = client.get("/privacy/").content.decode()
    for name in names:
        assert f"“{name}”" in privacy


def test_systems_list_offers_software_products_not_subjects(client):
    from blog.models import Topic

    html = client.get("/health-check/").content.decode()
    systems = html[html.index("Systems you use") : html.index("Other systems")]
    for topic in Topic.objects.all():
        assert (f">{topic.name}</label>" in systems) is topic.is_system, topic.name
    assert ">Xero</label>" in systems and ">Costs</label>" not in systems
