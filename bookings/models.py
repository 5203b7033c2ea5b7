"""Integration Health Check bookings: the page, the requests, availability and the e-mail outbox.

Slot times are stored in UTC. On PostgreSQL an exclusion constraint guarantees that two active
bookings never hold overlapping time (the slot plus the buffer after it); see migration 0002.
"""

import secrets
import uuid
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeBoundary, RangeOperators
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Func, Q
from django.utils import timezone
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from apiwise.models import BasePage
from apiwise.seo import faq_json_ld
from blog.blocks import FaqsBlock, faq_items

LONDON = "Europe/London"


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


# --- Availability ---------------------------------------------------------------------------


@register_setting(icon="date")
class BookingSettings(BaseGenericSetting):
    """How slots are cut from the weekly windows (one set for the whole site)."""

    slot_minutes = models.PositiveSmallIntegerField(
        "slot length (minutes)",
        default=45,
        validators=[MinValueValidator(15), MaxValueValidator(240)],
    )
    buffer_minutes = models.PositiveSmallIntegerField(
        "buffer between slots (minutes)",
        default=15,
        validators=[MaxValueValidator(120)],
    )
    min_notice_working_days = models.PositiveSmallIntegerField(
        "minimum notice (working days)",
        default=1,
        validators=[MaxValueValidator(20)],
        help_text="1 means the earliest slot is on the next working day.",
    )
    weeks_ahead = models.PositiveSmallIntegerField(
        "how far ahead (weeks)", default=4, validators=[MinValueValidator(1), MaxValueValidator(26)]
    )

    panels = [
        FieldPanel("slot_minutes"),
        FieldPanel("buffer_minutes"),
        FieldPanel("min_notice_working_days"),
        FieldPanel("weeks_ahead"),
    ]

    class Meta:
        verbose_name = "Health Check slot settings"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class AvailabilityWindow(models.Model):
    """A weekly window in UK time (Europe/London), e.g. Tuesday 10:00–16:00."""

    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    start_time = models.TimeField(help_text="UK time (Europe/London).")
    end_time = models.TimeField(help_text="UK time (Europe/London).")

    panels = [FieldPanel("weekday"), FieldPanel("start_time"), FieldPanel("end_time")]

    class Meta:
        ordering = ["weekday", "start_time"]
        verbose_name = "availability window"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")),
                name="bookings_window_ends_after_start",
                violation_error_message="The window must end after it starts.",
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M} UK time"


class BlockedDate(models.Model):
    """A day with no slots: bank holidays, leave."""

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=100, blank=True)

    panels = [FieldPanel("date"), FieldPanel("reason")]

    class Meta:
        ordering = ["date"]
        verbose_name = "blocked date"

    def __str__(self):
        label = self.date.strftime("%a %-d %b %Y")
        return f"{label} ({self.reason})" if self.reason else label


# --- The page -------------------------------------------------------------------------------


class HealthCheckPage(RoutablePageMixin, BasePage):
    """/health-check/: what the Health Check is, the price, FAQs and the booking form."""

    introduction = models.TextField(max_length=400, blank=True)
    body = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], blank=True)
    included_heading = models.CharField(max_length=120, default="What is included")
    included = StreamField(
        [("item", blocks.CharBlock(max_length=200, label="Item"))],
        blank=True,
        help_text="One short line per item.",
    )
    price = models.DecimalField(
        "price excluding VAT (£)",
        max_digits=8,
        decimal_places=2,
        default=Decimal("495.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    duration = models.CharField(
        max_length=200,
        blank=True,
        help_text="E.g. 'A 45-minute call, then a written plan within 5 working days'.",
    )
    faqs = StreamField(FaqsBlock(), blank=True, max_num=1)
    form_heading = models.CharField(max_length=120, default="Book your Health Check")
    form_introduction = models.TextField(max_length=400, blank=True)
    marketing_opt_in_text = models.CharField(
        "marketing opt-in wording",
        max_length=200,
        default="Send me occasional guides by e-mail (you can unsubscribe at any time).",
        help_text="Stored with each request that ticks it, exactly as shown.",
    )
    thank_you_text = models.TextField(
        max_length=400,
        blank=True,
        default="Thank you. We will reply within one working day.",
    )

    max_count = 1
    parent_page_types = ["apiwise.HomePage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("included_heading"), FieldPanel("included")], "Included"),
        MultiFieldPanel([FieldPanel("price"), FieldPanel("duration")], "Price and duration"),
        FieldPanel("faqs"),
        MultiFieldPanel(
            [
                FieldPanel("form_heading"),
                FieldPanel("form_introduction"),
                FieldPanel("marketing_opt_in_text"),
                FieldPanel("thank_you_text"),
            ],
            "Booking form",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "Health Check page"

    @property
    def vat_rate(self):
        return Decimal(str(settings.BOOKINGS_VAT_RATE))

    @property
    def price_with_vat(self):
        return (self.price * (1 + self.vat_rate)).quantize(Decimal("0.01"), ROUND_HALF_UP)

    def meta_description_fallback(self):
        return self.introduction

    def faq_items(self):
        return list(faq_items(self.faqs))

    def extra_json_ld(self, request):
        items = self.faq_items()
        return [faq_json_ld(items)] if items else []

    # Routes: the views live in bookings/views.py.
    @path("")
    def booking_form(self, request):
        from bookings import views

        return views.booking_form(request, self)

    @path("booked/")
    def booked(self, request):
        from bookings import views

        return views.booked(request, self)

    @path("booked/calendar/")
    def booked_ics(self, request):
        from bookings import views

        return views.booked_ics(request, self)

    @path("manage/<str:token>/")
    def manage(self, request, token):
        from bookings import views

        return views.manage(request, self, token)


# --- Requests -------------------------------------------------------------------------------


# Statuses whose slot is held (the exclusion constraint applies to these).
ACTIVE_STATUSES = ("new", "contacted", "scheduled", "completed")


def new_reference():
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I
    return "HC-" + "".join(secrets.choice(alphabet) for _ in range(8))


class Booking(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        SCHEDULED = "scheduled", "Scheduled"
        COMPLETED = "completed", "Completed"
        DECLINED = "declined", "Declined"
        SPAM = "spam", "Spam"
        CANCELLED = "cancelled", "Cancelled by the prospect"

    ACTIVE_STATUSES = ACTIVE_STATUSES
    # The workflow staff can move a request along.
    TRANSITIONS = {
        "new": ("contacted", "scheduled", "declined", "spam"),
        "contacted": ("scheduled", "declined", "spam"),
        "scheduled": ("completed", "declined"),
        "completed": (),
        "declined": ("new",),
        "spam": ("new",),
        "cancelled": ("new",),
    }

    class Volume(models.TextChoices):
        UNDER_100 = "lt100", "Fewer than 100 a month"
        UNDER_1000 = "lt1000", "100 to 1,000 a month"
        UNDER_10000 = "lt10000", "1,000 to 10,000 a month"
        OVER_10000 = "gte10000", "More than 10,000 a month"
        UNSURE = "unsure", "Not sure"

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
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
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
            # Applied on PostgreSQL only (see migration 0002); SQLite has no such constraint.
            ExclusionConstraint(
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
        return self.slot_start is not None and self.status in self.ACTIVE_STATUSES

    def slot_label(self):
        from bookings.slots import Slot

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

    def allowed_statuses(self):
        return self.TRANSITIONS.get(self.status, ())


class EmailDelivery(models.Model):
    """One e-mail of the outbox: queued in the booking's transaction, sent by a task, retried
    with backoff. Staff see its state and can resend it."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", "Confirmation to the prospect"
        STAFF = "staff", "Notification to staff"
        CANCELLATION = "cancellation", "Cancellation to the prospect"
        RESCHEDULE = "reschedule", "New time to the prospect"

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="deliveries")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "e-mail delivery"
        verbose_name_plural = "e-mail deliveries"
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_state_display()})"
