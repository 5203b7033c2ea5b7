"""The e-mail outbox: one row per e-mail, queued in the transaction that caused it and sent by
the worker (see apiwise/outbox.py). A password reset or the staff digest carries its message,
rendered when it was queued; a booking's e-mails are written when sent, by the bookings app.

The outbox knows no app above the core: each app registers its kinds of e-mail
(apiwise/email_kinds.py), and an app that ties e-mails to its own records keeps that link
itself (bookings.BookingEmail)."""

from django.db import models
from django.utils import timezone

from apiwise import email_kinds


class EmailDelivery(models.Model):
    """One e-mail of the outbox: queued in the transaction of the change that causes it, sent
    by a task, retried with backoff. Staff see its state and can resend it."""

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        # Its app no longer wanted it when it was due (EmailKind.still_wanted): so far a
        # reminder whose call was cancelled or moved (bookings/reminders.py).
        SKIPPED = "skipped", "Not sent: the call was cancelled or moved"

    # One of the registered kinds (apiwise/email_kinds.py), checked when queued: no choices
    # here, so an app can add a kind without a migration of the core.
    kind = models.CharField(max_length=16)
    # For a kind sent as rendered when queued: {"to", "subject", "body", "html", "reply_to", "headers"},
    # rendered when queued (see outbox.queue_message).
    message = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    # While "sending": the worker holds the e-mail until then, and renews the lease while the
    # mail server takes its time. A lease that ran out means the worker died mid-send.
    lease_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    # The time the e-mail is about, when it matters at send time: a reminder is sent only if
    # its booking still has the call that starts then.
    for_slot_start = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "e-mail delivery"
        verbose_name_plural = "e-mail deliveries"
        # Named as when the model lived in bookings: the index is the same one.
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="bookings_em_state_a7f989_idx")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_state_display()})"

    def get_kind_display(self):
        """The kind as staff read it, like a choice field's display."""
        return email_kinds.label(self.kind)
