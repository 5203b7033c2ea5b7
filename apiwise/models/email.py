"""The e-mail outbox: one row per e-mail, queued in the transaction that caused it and sent by
the worker (see apiwise/outbox.py). A password reset or the staff digest carries its message,
rendered when it was queued; a booking's e-mails are written when sent, by the bookings app,
which registers how (apiwise.outbox.register_kind)."""

from django.db import models
from django.utils import timezone


class EmailDelivery(models.Model):
    """One e-mail of the outbox: queued in the transaction of the change that causes it, sent
    by a task, retried with backoff. Staff see its state and can resend it."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", "Confirmation to the prospect"
        STAFF = "staff", "Notification to staff"
        CANCELLATION = "cancellation", "Cancellation to the prospect"
        RESCHEDULE = "reschedule", "New time to the prospect"
        PASSWORD_RESET = "password_reset", "Password reset link to a staff member"
        REMINDER = "reminder", "Reminder to the prospect, 24 hours before"
        DIGEST = "digest", "Today's calls to staff, at 08:00"
        ERROR_REPORT = "error_report", "Error report to the site's admins"

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        # A reminder whose call was cancelled or moved before it was due (see reminders.py).
        SKIPPED = "skipped", "Not sent: the call was cancelled or moved"

    # Named by string, so the core imports nothing of bookings; rows written before the
    # outbox moved to the core keep their booking (the table is the same).
    booking = models.ForeignKey(
        "bookings.Booking",
        on_delete=models.CASCADE,
        related_name="deliveries",
        null=True,
        blank=True,
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    # For an e-mail without a booking: {"to", "subject", "body", "html", "reply_to", "headers"},
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
    # For a reminder: the call it is about. It is sent only if the booking still has that slot.
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
