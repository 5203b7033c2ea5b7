"""The staff side of CRM webhooks: who may manage them, the secret shown once, the URL checks,
the delivery log and "redeliver"."""

import re

import pytest
from django.contrib.auth.models import Group, User

from bookings import webhooks
from bookings.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from tests.helpers import make_booking

pytestmark = pytest.mark.django_db
LIST_URL = "/admin/bookings/webhooks/"
ADD_URL = "/admin/bookings/webhooks/new/"
ALL_EVENTS = ["booking.created", "booking.status_changed", "booking.cancelled"]


@pytest.fixture
def loopback_allowed(settings):
    settings.BOOKINGS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True


def add_endpoint(client, url="http://127.0.0.1:9/hooks", events=ALL_EVENTS):
    return client.post(
        ADD_URL,
        {"url": url, "description": "Pipedrive", "events": events, "is_active": "on"},
    )


def shown_secret(response):
    match = re.search(r'<code id="webhook-secret">([^<]+)</code>', response.content.decode())
    return match and match.group(1)


def test_sales_add_an_endpoint_and_see_its_secret_once(sales_client, loopback_allowed):
    response = add_endpoint(sales_client)
    assert response.status_code == 200
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ALL_EVENTS and endpoint.is_active
    assert shown_secret(response) == endpoint.secret
    assert "not shown again" in response.content.decode()
    assert (
        "<h1" in response.content.decode()
        and "copy its signing secret" in response.content.decode()
    )

    # Nowhere else: not the listing, the edit form or the webhook's page.
    for url in (LIST_URL, f"{LIST_URL}edit/{endpoint.pk}/", f"{LIST_URL}inspect/{endpoint.pk}/"):
        page = sales_client.get(url)
        assert page.status_code == 200, url
        assert endpoint.secret not in page.content.decode(), url
    assert "Pipedrive" in sales_client.get(LIST_URL).content.decode()
    assert "CRM webhooks" in sales_client.get("/admin/").content.decode()


def test_rotating_the_secret_shows_the_new_one_once(sales_client, loopback_allowed):
    add_endpoint(sales_client)
    endpoint = WebhookEndpoint.objects.get()
    old = endpoint.secret
    rotate_url = f"{LIST_URL}rotate-secret/{endpoint.pk}/"
    assert sales_client.get(rotate_url).status_code == 405

    response = sales_client.post(rotate_url)
    endpoint.refresh_from_db()
    assert response.status_code == 200
    assert endpoint.secret != old and shown_secret(response) == endpoint.secret
    assert endpoint.secret_rotated_at is not None


def test_unsafe_urls_are_refused_with_a_clear_message(sales_client, settings):
    settings.BOOKINGS_WEBHOOK_REQUIRE_HTTPS = True
    cases = {
        "http://93.184.216.34/hooks": "must start with https://",
        "https://127.0.0.1/hooks": "loopback",
        "https://localhost:8443/hooks": "private, loopback or link-local",
        "https://169.254.169.254/latest/meta-data/": "169.254.169.254",
        "https://10.0.0.5/hooks": "10.0.0.5",
        "https://[::1]/hooks": "::1",
        "https://user:pw@93.184.216.34/hooks": "credentials",
        "https://no-such-host.invalid/hooks": "could not be resolved",
        "not a url": "Enter a valid URL",
    }
    for url, message in cases.items():
        response = add_endpoint(sales_client, url=url)
        assert response.status_code == 200, url
        assert message in response.content.decode(), url
    assert not WebhookEndpoint.objects.exists()

    # A public address is fine, and an endpoint needs at least one event.
    response = add_endpoint(sales_client, url="https://93.184.216.34/hooks", events=[])
    assert "This field is required" in response.content.decode()
    add_endpoint(sales_client, url="https://93.184.216.34/hooks")
    assert WebhookEndpoint.objects.get().url == "https://93.184.216.34/hooks"


def _failed_delivery():
    endpoint = WebhookEndpoint.objects.create(url="http://127.0.0.1:9/hooks", events=ALL_EVENTS)
    booking = make_booking()
    event = WebhookEvent.objects.create(
        booking=booking, event_type="booking.created", payload={"id": "x"}
    )
    return WebhookDelivery.objects.create(
        event=event,
        endpoint=endpoint,
        state="failed",
        attempts=9,
        response_code=503,
        response_body="Service Unavailable",
        duration_ms=42,
        last_error="HTTP 503",
    )


def test_the_delivery_log_and_redeliver(sales_client):
    delivery = _failed_delivery()
    html = sales_client.get(f"{LIST_URL}inspect/{delivery.endpoint_id}/").content.decode()
    for shown in ("booking.created", delivery.event.booking.reference, "Failed", "503", "42 ms"):
        assert shown in html
    assert "Service Unavailable" in html and "Redeliver" in html

    redeliver_url = f"{LIST_URL}deliveries/{delivery.pk}/redeliver/"
    assert sales_client.get(redeliver_url).status_code == 405
    response = sales_client.post(redeliver_url, follow=True)
    assert "is queued to be sent again" in response.content.decode()
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == ("queued", 0)


def test_editors_cannot_see_or_change_webhooks(client, loopback_allowed):
    delivery = _failed_delivery()
    editor = User.objects.create_user("eddie", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert "CRM webhooks" not in client.get("/admin/").content.decode()
    pk = delivery.endpoint_id
    for url in (LIST_URL, ADD_URL, f"{LIST_URL}edit/{pk}/", f"{LIST_URL}inspect/{pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "127.0.0.1:9" not in response.content.decode()
    for url in (f"{LIST_URL}rotate-secret/{pk}/", f"{LIST_URL}deliveries/{delivery.pk}/redeliver/"):
        assert client.post(url).status_code in (302, 403), url
    assert add_endpoint(client).status_code in (302, 403)
    assert WebhookEndpoint.objects.count() == 1
    delivery.refresh_from_db()
    assert delivery.state == "failed"


def test_a_status_change_by_staff_queues_a_status_changed_event(
    sales_client, django_capture_on_commit_callbacks
):
    endpoint = WebhookEndpoint.objects.create(
        url="http://127.0.0.1:9/hooks", events=["booking.status_changed"]
    )
    booking = make_booking()
    with django_capture_on_commit_callbacks() as callbacks:
        response = sales_client.post(
            f"/admin/bookings/requests/edit/{booking.pk}/",
            {"status": "contacted", "staff_notes": ""},
        )
    assert response.status_code == 302
    event = WebhookEvent.objects.get()
    assert event.event_type == "booking.status_changed"
    assert event.payload["data"]["booking"]["status"] == "contacted"
    assert WebhookDelivery.objects.get().endpoint == endpoint
    assert callbacks  # the send is queued for after the commit
    # Notes alone are no event.
    sales_client.post(
        f"/admin/bookings/requests/edit/{booking.pk}/",
        {"status": "contacted", "staff_notes": "Left a message."},
    )
    assert WebhookEvent.objects.count() == 1


def test_anonymising_a_request_deletes_its_webhook_payloads(db):
    from bookings import privacy

    delivery = _failed_delivery()
    privacy.anonymise(delivery.event.booking)
    assert not WebhookEvent.objects.exists() and not WebhookDelivery.objects.exists()


def test_record_event_without_listeners_keeps_nothing(db):
    assert webhooks.record_event(make_booking(), "booking.created") is None
    assert not WebhookEvent.objects.exists()


def test_switching_a_gone_endpoint_back_on_clears_why_it_stopped(sales_client, loopback_allowed):
    endpoint = WebhookEndpoint.objects.create(
        url="http://127.0.0.1:9/hooks",
        events=ALL_EVENTS,
        is_active=False,
        disabled_reason="The receiver answered 410 Gone.",
    )
    edit_url = f"{LIST_URL}edit/{endpoint.pk}/"
    html = sales_client.get(edit_url).content.decode()
    assert 'value="booking.cancelled"' in html and "checked" in html
    response = sales_client.post(
        edit_url,
        {
            "url": endpoint.url,
            "description": "Back again",
            "events": ["booking.created"],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert (endpoint.is_active, endpoint.disabled_reason) == (True, "")
    assert endpoint.events == ["booking.created"] and endpoint.description == "Back again"
