"""CRM webhooks: every booking event is stored first, in the transaction that caused it, and
POSTed by the worker, like the e-mails of bookings/outbox.py.

- `record_event()` is called inside the booking's transaction (create, cancel, reschedule,
  a status change by staff): one WebhookEvent with the payload as it is now, and one
  WebhookDelivery per active endpoint that wants that event type, plus its task on the
  "webhooks" queue. The booking commits with them or not at all, and never waits for a CRM.
- `deliver()` claims the delivery with a lease, POSTs the signed JSON (bookings/webhook_http.py)
  and records the answer. Timeouts, connection errors, 5xx, 408 and 429 are retried with the
  backoff in settings.BOOKINGS_WEBHOOK_RETRY_DELAYS (about a day; a Retry-After header is
  honoured); other answers are final. A 410 Gone switches that endpoint off, nothing else.
- In order per booking: a delivery waits while an earlier one for the same booking and
  endpoint is still queued or sending; when that one ends (delivered or failed) it releases
  the next.
- `requeue_stale()` (run by the worker every half minute) picks up deliveries whose task was
  lost: a worker killed mid-send, a retry an in-process backend could not defer.

Delivery is at least once: receivers should ignore an event id they have already seen.
"""

import datetime as dt
import json
import logging
import time
from email.utils import parsedate_to_datetime

from django.conf import settings
from django.db import transaction
from django.tasks import task, task_backends
from django.utils import timezone

from apiwise.task_recovery import requeue_lost
from bookings.models.webhook import EventType, WebhookDelivery, WebhookEndpoint, WebhookEvent
from bookings.webhook_http import UnsafeURL, post, signed_headers

# EventType is here for the callers: webhooks.record_event(booking, webhooks.EventType.CREATED).
__all__ = ["EventType", "deliver", "record_event", "redeliver", "requeue_stale", "send_webhook"]

logger = logging.getLogger(__name__)
WEBHOOK_QUEUE = "webhooks"
State = WebhookDelivery.State
UNFINISHED = (State.QUEUED, State.SENDING)
RETRIED_STATUSES = {408, 429}


@task(queue_name=WEBHOOK_QUEUE)
def send_webhook(delivery_id):
    return deliver(delivery_id)


# --- Recording ------------------------------------------------------------------------------


def _iso(value):
    return value.isoformat() if value else None


def build_payload(event_uuid, event_type, booking, now):
    return {
        "id": str(event_uuid),
        "type": event_type,
        "created_at": now.isoformat(),
        "data": {
            "booking": {
                "reference": booking.reference,
                "status": booking.status,
                "name": booking.name,
                "email": booking.email,
                "company": booking.company,
                "phone": booking.phone,
                "role": booking.role,
                "systems": [topic.name for topic in booking.systems.all()],
                "systems_other": booking.systems_other,
                "problem": booking.problem,
                "volume": booking.volume,
                "slot_start": _iso(booking.slot_start),
                "slot_end": _iso(booking.slot_end),
                "marketing_opt_in": booking.marketing_opt_in,
                "created_at": _iso(booking.created_at),
                "updated_at": _iso(booking.updated_at),
            },
            "attribution": {"source_page": booking.source_page, "utm": booking.utm},
        },
    }


def record_event(booking, event_type):
    """Store the event and queue its deliveries. Call inside the booking's transaction."""
    endpoints = [
        e for e in WebhookEndpoint.objects.filter(is_active=True) if event_type in e.events
    ]
    if not endpoints:
        return None  # nobody listens: keep no copy of the prospect's details
    now = timezone.now()
    event = WebhookEvent(booking=booking, event_type=event_type, created_at=now)
    event.payload = build_payload(event.uuid, event_type, booking, now)
    event.save()
    for endpoint in endpoints:
        delivery = WebhookDelivery.objects.create(event=event, endpoint=endpoint, created_at=now)
        if not _waits_for_earlier(delivery):
            _enqueue(delivery)
    return event


def _waits_for_earlier(delivery):
    """Whether an earlier event of the same booking is still on its way to this endpoint."""
    return WebhookDelivery.objects.filter(
        endpoint_id=delivery.endpoint_id,
        event__booking_id=delivery.event.booking_id,
        event_id__lt=delivery.event_id,
        state__in=UNFINISHED,
    ).exists()


def _release_next(delivery):
    """The delivery has ended: send the next event of the same booking to the endpoint."""
    following = (
        WebhookDelivery.objects.filter(
            endpoint_id=delivery.endpoint_id,
            event__booking_id=delivery.event.booking_id,
            event_id__gt=delivery.event_id,
            state=State.QUEUED,
        )
        .order_by("event_id")
        .first()
    )
    if following:
        with transaction.atomic():
            _enqueue(following)


def _backend():
    return task_backends[send_webhook.backend]


def _is_transactional(backend):
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(backend, DatabaseBackend)


def _enqueue(delivery, run_after=None):
    """Enqueue the send task; inside a transaction, so the database backend is an outbox."""
    backend = _backend()
    task_ = send_webhook
    if run_after is not None and run_after > timezone.now():
        if not backend.supports_defer:
            return None  # an in-process backend cannot wait: requeue_stale() sends it when due
        task_ = task_.using(run_after=run_after)
    if _is_transactional(backend):
        result = task_.enqueue(delivery.pk)
        WebhookDelivery.objects.filter(pk=delivery.pk).update(task_id=str(result.id))
        return result
    transaction.on_commit(lambda: task_.enqueue(delivery.pk), robust=True)
    return None


def redeliver(delivery):
    """Staff asked for this delivery again: same event id, same body, fresh attempts."""
    with transaction.atomic():
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            state=State.QUEUED, attempts=0, next_attempt_at=timezone.now(), lease_until=None
        )
        _enqueue(delivery)


# --- Sending --------------------------------------------------------------------------------


def _lease():
    # Longer than the longest POST can take (the timeouts bound it), with a margin.
    timeouts = settings.BOOKINGS_WEBHOOK_CONNECT_TIMEOUT + settings.BOOKINGS_WEBHOOK_READ_TIMEOUT
    return dt.timedelta(seconds=timeouts + 30)


def _claim(delivery_id):
    """Lock the delivery and mark it sending, or say why not."""
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(of=("self",))
            .select_related("event", "endpoint")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.state not in UNFINISHED:
            return None, "skipped"
        if delivery.state == State.SENDING and delivery.lease_until and delivery.lease_until > now:
            return None, "in flight"
        if delivery.next_attempt_at > now + dt.timedelta(seconds=5):
            return None, "not due"  # an older task for a delivery that was rescheduled
        if _waits_for_earlier(delivery):
            return None, "waiting"  # released when the earlier one ends
        delivery.state = State.SENDING
        delivery.attempts += 1
        delivery.last_attempt_at = now
        delivery.lease_until = now + _lease()
        delivery.save(update_fields=["state", "attempts", "last_attempt_at", "lease_until"])
        return delivery, None


def deliver(delivery_id):
    delivery, reason = _claim(delivery_id)
    if delivery is None:
        return reason
    endpoint, event = delivery.endpoint, delivery.event
    if not endpoint.is_active:
        return _finish(delivery, State.FAILED, last_error="The endpoint is switched off.")

    body = json.dumps(event.payload, separators=(",", ":"), sort_keys=True).encode()
    headers = signed_headers(endpoint.secret, body, event.uuid, event.event_type)
    started = time.monotonic()
    try:
        answer = post(endpoint.url, body, headers)
    except UnsafeURL as error:
        return _finish(delivery, State.FAILED, last_error=str(error), duration=started)
    except Exception as error:  # noqa: BLE001 - timeouts, refused connections, DNS: retried
        return _retry_or_fail(delivery, f"{type(error).__name__}: {error}", started)

    answered = {"response_code": answer.status, "response_body": answer.body}
    if 200 <= answer.status < 300:
        return _finish(delivery, State.DELIVERED, duration=started, **answered)
    if answer.status >= 500 or answer.status in RETRIED_STATUSES:
        return _retry_or_fail(
            delivery, f"HTTP {answer.status}", started, answer.retry_after, **answered
        )
    if answer.status == 410:
        # The receiver says this endpoint is gone for good: stop sending to it, and only it.
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
            is_active=False, disabled_reason="The receiver answered 410 Gone."
        )
    if 300 <= answer.status < 400:
        error = f"HTTP {answer.status}: redirects are not followed (update the URL)."
    else:
        error = f"HTTP {answer.status}: not retried."
    return _finish(delivery, State.FAILED, last_error=error, duration=started, **answered)


def _elapsed_ms(started):
    return int((time.monotonic() - started) * 1000) if started is not None else None


def _finish(delivery, state, duration=None, last_error="", **answered):
    """A final outcome: delivered or failed. Either way the booking's next event may go."""
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        state=state,
        lease_until=None,
        last_error=last_error,
        duration_ms=_elapsed_ms(duration),
        delivered_at=timezone.now() if state == State.DELIVERED else None,
        **answered,
    )
    if state == State.FAILED:
        logger.warning("Webhook delivery %s failed: %s", delivery.pk, last_error)
    _release_next(delivery)
    return str(state)


def _seconds_from_retry_after(value):
    """Retry-After as seconds (a number, or an HTTP date), or None."""
    if not value:
        return None
    if value.strip().isdigit():
        return int(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0, int((when - timezone.now()).total_seconds()))


def _retry_or_fail(delivery, error, started, retry_after=None, **answered):
    delays = settings.BOOKINGS_WEBHOOK_RETRY_DELAYS
    if delivery.attempts > len(delays):
        return _finish(delivery, State.FAILED, duration=started, last_error=error, **answered)
    delay = delays[delivery.attempts - 1]
    asked = _seconds_from_retry_after(retry_after)
    if asked is not None:
        delay = min(max(asked, 1), max(delays))  # honoured, within the retry window
    next_attempt = timezone.now() + dt.timedelta(seconds=delay)
    with transaction.atomic():
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            state=State.QUEUED,
            last_error=error,
            next_attempt_at=next_attempt,
            lease_until=None,
            duration_ms=_elapsed_ms(started),
            **answered,
        )
        _enqueue(delivery, run_after=next_attempt)
    return "retry"


# --- Recovery -------------------------------------------------------------------------------


def requeue_stale(now=None):
    """Re-enqueue deliveries whose task was lost, as of `now`. Returns how many."""
    now = now or timezone.now()
    candidates = WebhookDelivery.objects.filter(
        state=State.QUEUED, next_attempt_at__lte=now
    ) | WebhookDelivery.objects.filter(state=State.SENDING, lease_until__lt=now)
    return requeue_lost(
        candidates.select_related("event").order_by("event_id", "pk"),
        transactional=_is_transactional(_backend()),
        enqueue=_enqueue,
        lease=_lease(),
        what="webhook",
        now=now,
        still_waits=_waits_for_earlier,  # an earlier event for the booking will release it
    )
