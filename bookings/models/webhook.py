"""Webhooks to a CRM: the endpoints staff register, the events a booking change causes, and
one delivery row per endpoint per event, sent by the worker (see bookings/webhooks.py)."""

import secrets
import uuid

from django.db import models
from django.utils import timezone

from bookings.models.booking import Booking


class EventType(models.TextChoices):
    CREATED = "booking.created", "booking.created: a new request"
    STATUS_CHANGED = "booking.status_changed", "booking.status_changed: staff moved it on"
    CANCELLED = "booking.cancelled", "booking.cancelled: the prospect cancelled"
    RESCHEDULED = "booking.rescheduled", "booking.rescheduled: the prospect moved the call"


def new_secret():
    return "whsec_" + secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """A URL (a CRM's inbound webhook) that receives the chosen booking events, signed with
    its own secret."""

    url = models.URLField("URL", max_length=500)
    description = models.CharField(max_length=200, blank=True)
    events = models.JSONField(default=list, help_text="Which booking events are sent here.")
    is_active = models.BooleanField("active", default=True)
    # Needed in clear to sign: shown to staff once (on creation and after a rotation).
    secret = models.CharField(max_length=100, default=new_secret, editable=False)
    secret_rotated_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Why the endpoint switched itself off (the receiver answered 410 Gone), if it did.
    disabled_reason = models.CharField(max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = "CRM webhook"
        verbose_name_plural = "CRM webhooks"

    def __str__(self):
        return self.description or self.url

    def rotate_secret(self):
        self.secret = new_secret()
        self.secret_rotated_at = timezone.now()
        self.save(update_fields=["secret", "secret_rotated_at"])
        return self.secret

    def events_list(self):
        return ", ".join(self.events) or "None"

    events_list.short_description = "Events"


class WebhookEvent(models.Model):
    """Something that happened to a booking, with the payload as it was at that moment (every
    attempt, to every endpoint, sends the same body and event id)."""

    # The stable id receivers see (payload "id", X-APIwise-Event-Id) to ignore repeats.
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="webhook_events")
    event_type = models.CharField(max_length=32, choices=EventType.choices)
    payload = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.event_type} {self.uuid}"


class WebhookDelivery(models.Model):
    """One event to one endpoint: queued in the booking's transaction, POSTed by a task,
    retried with backoff, logged for staff (who can redeliver it)."""

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    event = models.ForeignKey(WebhookEvent, on_delete=models.CASCADE, related_name="deliveries")
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    # While "sending": the worker holds the delivery until then; one that ran out means the
    # worker died mid-send and requeue_stale() sends it again.
    lease_until = models.DateTimeField(null=True, blank=True)
    response_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.TextField(blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"
        indexes = [models.Index(fields=["state", "next_attempt_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "endpoint"], name="bookings_one_delivery_per_endpoint_event"
            )
        ]

    def __str__(self):
        return f"{self.event.event_type} to {self.endpoint} ({self.get_state_display()})"
