"""A Health Check request and its statuses.

Slot times are stored in UTC. On PostgreSQL an exclusion constraint guarantees that two active
bookings never hold overlapping time (the slot plus the buffer after it); see migration 0001.
"""

import secrets
import uuid

from django.contrib.postgres.fields import DateTimeRangeField, RangeBoundary, RangeOperators
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Func, Q
from django.utils import timezone

from bookings.db import PostgresExclusionConstraint
from bookings.models.fields import WebLinkField


class Status(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    SCHEDULED = "scheduled", "Scheduled"
    COMPLETED = "completed", "Completed"
    DECLINED = "declined", "Declined"
    SPAM = "spam", "Spam"
    CANCELLED = "cancelled", "Cancelled by the prospect"


# Statuses whose slot is held (the exclusion constraint applies to these).
ACTIVE_STATUSES = (Status.NEW, Status.CONTACTED, Status.SCHEDULED, Status.COMPLETED)
# Statuses in which the prospect may still cancel or move the call.
CHANGEABLE_STATUSES = (Status.NEW, Status.CONTACTED, Status.SCHEDULED)
# The workflow staff can move a request along.
TRANSITIONS = {
    Status.NEW: (Status.CONTACTED, Status.SCHEDULED, Status.DECLINED, Status.SPAM),
    Status.CONTACTED: (Status.SCHEDULED, Status.DECLINED, Status.SPAM),
    Status.SCHEDULED: (Status.COMPLETED, Status.DECLINED),
    Status.COMPLETED: (),
    Status.DECLINED: (Status.NEW,),
    Status.SPAM: (Status.NEW,),
    Status.CANCELLED: (Status.NEW,),
}


class Volume(models.TextChoices):
    UNDER_100 = "lt100", "Fewer than 100 a month"
    UNDER_1000 = "lt1000", "100 to 1,000 a month"
    UNDER_10000 = "lt10000", "1,000 to 10,000 a month"
    OVER_10000 = "gte10000", "More than 10,000 a month"
    UNSURE = "unsure", "Not sure"


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


def new_reference():
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I
    return "HC-" + "".join(secrets.choice(alphabet) for _ in range(8))


class Booking(models.Model):
    Status = Status
    Volume = Volume

    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    submission_token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NEW)

    name = models.CharField(max_length=100)
    email = models.EmailField("work e-mail", max_length=254)
    company = models.CharField(max_length=120)
    phone = models.CharField(max_length=32, blank=True)
    role = models.CharField(max_length=100, blank=True)
    systems = models.ManyToManyField(
        "blog.Topic", blank=True, related_name="health_check_requests", verbose_name="systems"
    )
    systems_other = models.CharField("other systems", max_length=200, blank=True)
    problem = models.TextField("what they want connected", max_length=2000)
    volume = models.CharField(
        "monthly orders or transactions", max_length=10, choices=Volume.choices
    )

    slot_start = models.DateTimeField(null=True, blank=True)
    slot_end = models.DateTimeField(null=True, blank=True)
    # slot_end plus the buffer at booking time: the time this booking holds.
    hold_until = models.DateTimeField(null=True, blank=True, editable=False)

    marketing_opt_in = models.BooleanField(default=False)
    marketing_opt_in_text = models.CharField(max_length=200, blank=True)
    marketing_opt_in_at = models.DateTimeField(null=True, blank=True)

    source_page = models.CharField("came from", max_length=300, blank=True)
    utm = models.JSONField("UTM parameters", default=dict, blank=True)
    spam_reason = models.CharField(max_length=100, blank=True)

    staff_notes = models.TextField("notes", blank=True, max_length=5000)
    meeting_link = WebLinkField(
        "meeting link",
        max_length=500,
        blank=True,
        help_text="The video call for this request (https://…). Empty: the default in the "
        "Health Check slot settings.",
    )
    # The outcome staff record, so the "Which guides sell" report ranks guides by won work.
    became_client = models.BooleanField(
        "became a client", default=False, help_text="Tick when the request turned into paid work."
    )
    won_value = models.DecimalField(
        "won value (£)",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "Enter a value of £0 or more.")],
        help_text="Optional: what the work is worth, in pounds, excluding VAT.",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The e-mails about this request, in the core's outbox; the link is ours (BookingEmail),
    # as the outbox knows no bookings.
    deliveries = models.ManyToManyField(
        "apiwise.EmailDelivery",
        through="bookings.BookingEmail",
        related_name="+",
        verbose_name="e-mails",
        editable=False,
    )
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Health Check request"
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(slot_start__isnull=True, slot_end__isnull=True, hold_until__isnull=True)
                    | Q(slot_end__gt=models.F("slot_start"), hold_until__gte=models.F("slot_end"))
                ),
                name="bookings_slot_is_complete",
            ),
            models.CheckConstraint(
                condition=Q(won_value__isnull=True) | Q(won_value__gte=0),
                name="bookings_won_value_not_negative",
                violation_error_message="Enter a value of £0 or more.",
            ),
            # Applied on PostgreSQL only (see migration 0001); SQLite has no such constraint.
            PostgresExclusionConstraint(
                name="bookings_no_overlapping_slots",
                expressions=[
                    (
                        TsTzRange("slot_start", "hold_until", RangeBoundary()),
                        RangeOperators.OVERLAPS,
                    )
                ],
                condition=Q(slot_start__isnull=False, status__in=ACTIVE_STATUSES),
                violation_error_message="That slot was just taken.",
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def holds_slot(self):
        return self.slot_start is not None and self.status in ACTIVE_STATUSES

    def slot_label(self):
        from bookings.time_slot import Slot

        if not self.slot_start:
            return ""
        return Slot(self.slot_start, self.slot_end).label

    slot_label.short_description = "Slot"

    def systems_list(self):
        names = [topic.name for topic in self.systems.all()]
        if self.systems_other:
            names.append(self.systems_other)
        return ", ".join(names)

    systems_list.short_description = "Systems"

    def meeting_url(self, default_link=None):
        """The link to join the call: the request's own, or the site's default (pass it in
        when going through many requests, to read the settings once)."""
        from bookings.models.availability import BookingSettings

        if self.meeting_link:
            return self.meeting_link
        if default_link is None:
            default_link = BookingSettings.load().default_meeting_link
        return default_link

    def allowed_statuses(self):
        return TRANSITIONS.get(self.status, ())
