"""CRM webhooks with the production task backend, its worker and a real HTTP receiver on
loopback: what the CRM receives, and when."""

import datetime as dt
import json
import re
import time

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from bookings import services, webhooks
from bookings.models import Booking, WebhookDelivery, WebhookEndpoint
from tests.helpers import ROOT, form_data, run_worker, time_passes

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("demo_content"),
]
ALL_EVENTS = [
    "booking.created",
    "booking.status_changed",
    "booking.cancelled",
    "booking.rescheduled",
]


def readme_verify():
    """The receiver's check exactly as the README shows it."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Connecting a CRM (webhooks)", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    namespace = {}
    exec(code, namespace)  # noqa: S102 - our own README's example
    return namespace["verify"]


def endpoint_for(receiver, **fields):
    return WebhookEndpoint.objects.create(
        url=receiver.url, description="Test CRM", events=ALL_EVENTS, **fields
    )


def book(client, **overrides):
    response = client.post("/health-check/", form_data(**overrides))
    assert response.status_code == 303
    return Booking.objects.get(email=overrides.get("email", "ada@example.co.uk"))


def test_the_crm_gets_the_booking_signed_and_the_readme_check_accepts_it(
    client, db_tasks, webhook_receiver
):
    endpoint = endpoint_for(webhook_receiver)
    booking = book(client, source_page="/guides/xero/", utm_source="newsletter")
    # Stored with the booking, sent by the worker: nothing has reached the CRM yet.
    assert webhook_receiver.requests == []
    assert DBTaskResult.objects.filter(queue_name="webhooks", status="READY").count() == 1

    run_worker()

    [request] = webhook_receiver.requests
    payload = json.loads(request["body"])
    assert payload["type"] == "booking.created"
    assert payload["data"]["booking"]["reference"] == booking.reference
    assert payload["data"]["booking"]["email"] == "ada@example.co.uk"
    assert payload["data"]["attribution"]["source_page"] == booking.source_page
    headers = request["headers"]
    assert headers["X-APIwise-Event-Id"] == payload["id"]
    assert headers["Content-Type"] == "application/json"

    verify = readme_verify()
    assert verify(endpoint.secret, headers, request["body"])
    assert not verify("whsec_someone-else", headers, request["body"])
    assert not verify(endpoint.secret, headers, request["body"].replace(b"Ada", b"Eve"))
    # A replay six minutes later is refused; four minutes is within the tolerance.
    sent_at = int(headers["X-APIwise-Timestamp"])
    assert not verify(endpoint.secret, headers, request["body"], now=sent_at + 6 * 60)
    assert verify(endpoint.secret, headers, request["body"], now=sent_at + 4 * 60)

    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.response_code, delivery.attempts) == ("delivered", 200, 1)
    assert delivery.duration_ms is not None and delivery.response_body == '{"ok": true}'


def test_receiver_down_then_up_delivers_every_event_once_in_order(
    client, db_tasks, webhook_receiver
):
    endpoint_for(webhook_receiver)
    webhook_receiver.stop()
    booking = book(client)
    services.cancel(booking)
    other = book(client, email="grace@example.com")

    run_worker()

    # The prospect's request went through; the CRM will hear about it later.
    deliveries = WebhookDelivery.objects.order_by("event_id")
    assert [d.state for d in deliveries] == ["queued"] * 3
    first, cancelled, other_created = deliveries
    assert "refused" in first.last_error.lower() or "connection" in first.last_error.lower()
    assert first.attempts == 1
    assert cancelled.attempts == 0  # held back behind the booking's earlier event

    webhook_receiver.start()
    time_passes(31)
    run_worker()

    # The first event's success released the one held behind it: nothing left to recover.
    assert webhooks.requeue_stale() == 0
    assert set(WebhookDelivery.objects.values_list("state", flat=True)) == {"delivered"}
    received = webhook_receiver.events()
    assert len(received) == len({event_id for _type, event_id, _ref in received}) == 3
    for_booking = [kind for kind, _id, ref in received if ref == booking.reference]
    assert for_booking == ["booking.created", "booking.cancelled"]
    assert [ref for _k, _i, ref in received].count(other.reference) == 1


def test_500s_then_200_is_delivered_with_the_same_event_and_body(
    client, db_tasks, webhook_receiver
):
    endpoint_for(webhook_receiver)
    webhook_receiver.answers = [500, 503]
    book(client)

    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.response_code) == ("queued", 500)
    assert delivery.next_attempt_at > timezone.now() + dt.timedelta(seconds=25)
    assert len(delivery.response_body) <= 1000  # the receiver's long error page, cut short
    run_worker()  # not due yet
    assert len(webhook_receiver.requests) == 1

    time_passes(31)
    run_worker()
    time_passes(121)
    run_worker()

    delivery.refresh_from_db()
    assert (delivery.state, delivery.response_code, delivery.attempts) == ("delivered", 200, 3)
    bodies = {request["body"] for request in webhook_receiver.requests}
    ids = {request["headers"]["X-APIwise-Event-Id"] for request in webhook_receiver.requests}
    assert len(webhook_receiver.requests) == 3 and len(bodies) == 1 and len(ids) == 1


def test_retries_end_in_failed_and_redeliver_sends_again(client, db_tasks, webhook_receiver):
    endpoint_for(webhook_receiver)
    webhook_receiver.answers = [500] * 4
    book(client)
    for seconds in (0, 31, 121, 601):
        time_passes(seconds)
        run_worker()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.last_error) == ("failed", 4, "HTTP 500")
    assert not DBTaskResult.objects.filter(queue_name="webhooks", status="READY").exists()

    webhooks.redeliver(delivery)
    run_worker()
    delivery.refresh_from_db()
    assert delivery.state == "delivered"
    assert len(webhook_receiver.requests) == 5


def test_a_4xx_is_final_but_429_is_retried_after_what_retry_after_says(
    client, db_tasks, webhook_receiver
):
    endpoint_for(webhook_receiver)
    webhook_receiver.answers = [(429, {"Retry-After": "300"}), 400]
    book(client)
    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == "queued"
    wait = (delivery.next_attempt_at - timezone.now()).total_seconds()
    assert 290 < wait <= 300  # not the 30 s backoff: the receiver asked for five minutes
    time_passes(301)
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.state, delivery.response_code, delivery.attempts) == ("failed", 400, 2)
    assert "not retried" in delivery.last_error


def test_a_slow_receiver_times_out_and_is_tried_again(client, db_tasks, webhook_receiver):
    endpoint_for(webhook_receiver)
    webhook_receiver.delay = 3  # the read timeout is 1 s
    book(client)
    started = time.monotonic()
    run_worker()
    assert time.monotonic() - started < 3
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == "queued"
    assert "timed out" in delivery.last_error.lower()
    assert delivery.duration_ms < 3000

    webhook_receiver.delay = 0
    time_passes(31)
    run_worker()
    delivery.refresh_from_db()
    assert delivery.state == "delivered"
    ids = {request["headers"]["X-APIwise-Event-Id"] for request in webhook_receiver.requests}
    assert len(ids) == 1  # the repeat carries the same event id, for the CRM to skip


def test_a_410_switches_off_that_endpoint_and_nothing_else(client, db_tasks, webhook_receiver):
    from tests.servers import WebhookReceiver

    gone = endpoint_for(webhook_receiver)
    webhook_receiver.answers = [410]
    other_receiver = WebhookReceiver().start()
    try:
        still_there = WebhookEndpoint.objects.create(
            url=other_receiver.url, events=ALL_EVENTS, description="Other CRM"
        )
        booking = book(client)
        run_worker()

        gone.refresh_from_db()
        assert not gone.is_active and "410" in gone.disabled_reason
        assert WebhookDelivery.objects.get(endpoint=gone).state == "failed"
        still_there.refresh_from_db()
        assert still_there.is_active
        assert WebhookDelivery.objects.get(endpoint=still_there).state == "delivered"

        services.cancel(booking)
        run_worker()
        assert [kind for kind, _id, _ref in other_receiver.events()] == [
            "booking.created",
            "booking.cancelled",
        ]
        assert len(webhook_receiver.requests) == 1  # nothing more to the gone endpoint
        booking.refresh_from_db()
        assert booking.status == "cancelled"
    finally:
        other_receiver.stop()


def test_redirects_are_not_followed(client, db_tasks, webhook_receiver):
    endpoint_for(webhook_receiver)
    webhook_receiver.answers = [(302, {"Location": "http://127.0.0.1:9/elsewhere"})]
    book(client)
    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.response_code) == ("failed", 302)
    assert "redirect" in delivery.last_error
    assert len(webhook_receiver.requests) == 1


def test_loopback_is_refused_at_send_time_unless_allowed(
    client, db_tasks, webhook_receiver, settings
):
    endpoint_for(webhook_receiver)  # saved while allowed (as if the DNS answer changed since)
    settings.BOOKINGS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    booking = book(client)
    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == "failed"
    assert "loopback" in delivery.last_error and "127.0.0.1" in delivery.last_error
    assert webhook_receiver.requests == []
    assert Booking.objects.get(pk=booking.pk).status == "new"


def test_a_delivery_lost_with_its_worker_is_sent_once_its_lease_runs_out(
    client, db_tasks, webhook_receiver
):
    endpoint_for(webhook_receiver)
    book(client)
    now = timezone.now()
    DBTaskResult.objects.filter(queue_name="webhooks").update(
        status="RUNNING", started_at=now - dt.timedelta(seconds=40)
    )
    WebhookDelivery.objects.update(
        state="sending", attempts=1, lease_until=now + dt.timedelta(seconds=5)
    )
    assert webhooks.requeue_stale(now=now) == 0  # still held by its (live) worker
    assert webhooks.requeue_stale(now=now + dt.timedelta(minutes=2)) == 1
    run_worker()
    assert WebhookDelivery.objects.get().state == "delivered"
    assert len(webhook_receiver.requests) == 1


def test_spam_and_unsubscribed_events_send_nothing(client, db_tasks, webhook_receiver):
    WebhookEndpoint.objects.create(url=webhook_receiver.url, events=["booking.cancelled"])
    booking = book(client)
    book(client, email="bot@example.com", website="http://spam.example")
    run_worker()
    assert webhook_receiver.requests == []
    services.cancel(booking)
    run_worker()
    assert [kind for kind, _id, _ref in webhook_receiver.events()] == ["booking.cancelled"]


def test_the_prospect_moving_the_call_sends_the_new_time(
    client, db_tasks, webhook_receiver, first_free_slot
):
    from bookings import links
    from bookings.models import HealthCheckPage
    from bookings.slots import free_slots

    endpoint_for(webhook_receiver)
    booking = book(client, slot=first_free_slot.value)
    other = [slot for slot in free_slots() if slot != first_free_slot][0]
    url = links.page_url(HealthCheckPage.objects.get(), "manage", links.manage_token(booking))
    assert client.post(url, {"action": "reschedule", "slot": other.value}).status_code == 303

    run_worker()

    payloads = [json.loads(request["body"]) for request in webhook_receiver.requests]
    assert [p["type"] for p in payloads] == ["booking.created", "booking.rescheduled"]
    assert payloads[0]["data"]["booking"]["slot_start"] == first_free_slot.start.isoformat()
    assert payloads[1]["data"]["booking"]["slot_start"] == other.start.isoformat()
