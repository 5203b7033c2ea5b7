"""Wagtail admin views for Health Check requests: listing, filters, export, inspect, status
workflow, resend, and the privacy tools (export or erase everything about one e-mail)."""

import datetime as dt

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from bookings import outbox, privacy, reminders, webhooks
from bookings.models.booking import Booking, Status
from bookings.models.booking_email import BookingEmail

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A stored value as a spreadsheet cell that cannot break the export or run:
    - control characters XLSX cannot hold (openpyxl refuses the whole file) are dropped;
    - formula injection: a cell starting with = + - @ (or tab/CR) is prefixed with an
      apostrophe so spreadsheet software shows it as text."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class BookingFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(label="Created", widget=DateRangePickerWidget)
    has_slot = django_filters.BooleanFilter(
        label="Has a slot", field_name="slot_start", lookup_expr="isnull", exclude=True
    )
    source_page = django_filters.CharFilter(label="Came from (contains)", lookup_expr="icontains")

    class Meta:
        model = Booking
        fields = ["status", "created_at", "systems", "source_page", "has_slot"]


EMPTY = "—"


def readable(booking, name, value):
    """A stored value as Sales read it: choices by their label ("Under £1,000", not
    "lt1000"), Yes/No, UK dates to the minute, "—" for nothing."""
    try:
        field = Booking._meta.get_field(name)
    except FieldDoesNotExist:
        field = None
    if field is not None and field.choices and value not in (None, ""):
        return getattr(booking, f"get_{name}_display")()
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return formats.date_format(timezone.localtime(value), "j M Y H:i")
    if isinstance(value, dict):
        value = "; ".join(f"{key}: {item}" for key, item in value.items())
    if value is None or value == "":
        return EMPTY
    return value


class BookingIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("systems")

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return {key: spreadsheet_safe(readable(item, key, value)) for key, value in row.items()}

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_safe(super().preprocess_field_value(field, value, export_format))


class StatusForm(forms.ModelForm):
    class Meta:
        model = Booking
        fields = ["status", "meeting_link", "staff_notes", "became_client", "won_value"]
        widgets = {"staff_notes": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.status
        allowed = {current, *self.instance.allowed_statuses()}
        self.fields["status"].choices = [
            (value, label) for value, label in Status.choices if value in allowed
        ]
        self.fields[
            "status"
        ].help_text = "New → contacted → scheduled → completed, or declined, or spam."

    def clean(self):
        cleaned = super().clean()
        # A value without the outcome would be counted nowhere in the "Which guides sell" report.
        if cleaned.get("won_value") is not None and not cleaned.get("became_client"):
            self.add_error("won_value", "Tick “became a client” to record a won value.")
        return cleaned


class BookingEditView(generic.EditView):
    def save_instance(self):
        before = Booking.objects.get(pk=self.object.pk)
        instance = self.form.save()
        user = self.request.user
        if before.status != instance.status:
            log(
                instance=instance,
                action="bookings.status_change",
                user=user,
                data={"from": before.status, "to": instance.status},
            )
            reminders.sync_reminder(instance)  # no reminder for a declined call, one if revived
            # In the same transaction as the change (Wagtail's EditView.form_valid is atomic).
            webhooks.record_event(instance, webhooks.EventType.STATUS_CHANGED)
        if before.staff_notes != instance.staff_notes:
            log(instance=instance, action="bookings.notes", user=user)
        if (before.became_client, before.won_value) != (instance.became_client, instance.won_value):
            log(
                instance=instance,
                action="bookings.outcome",
                user=user,
                data={
                    "became_client": instance.became_client,
                    "won_value": None if instance.won_value is None else str(instance.won_value),
                },
            )
        return instance


class BookingInspectView(generic.InspectView):
    template_name = "bookings/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["deliveries"] = self.object.deliveries.all()
        context["log_entries"] = (
            ModelLogEntry.objects.for_instance(self.object)
            .select_related("user")
            .order_by("-timestamp")
        )
        context["can_change"] = self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", self.object
        )
        return context

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        value = readable(self.object, field_name, value)
        if isinstance(value, str) and "\n" in value:
            return linebreaksbr(value)  # the prospect's paragraphs, as they typed them
        return value

    def get_utm_display_value(self):
        return "; ".join(f"{k}: {v}" for k, v in self.object.utm.items()) or EMPTY

    def get_slot_start_display_value(self):
        return self.object.slot_label() or "None chosen"

    def get_won_value_display_value(self):
        from bookings.report import pounds

        return EMPTY if self.object.won_value is None else pounds(self.object.won_value)


def resend_delivery(request, delivery_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.has_perm("bookings.change_booking"):
        return permission_denied(request)
    # Only an e-mail about a request is resent from here; its request comes in the same query.
    link = get_object_or_404(
        BookingEmail.objects.select_related("delivery", "booking"), delivery_id=delivery_id
    )
    booking = link.booking
    if not booking.email:
        messages.error(request, "This request has been anonymised: there is no address to send to.")
    else:
        with transaction.atomic():
            new = outbox.resend(link.delivery)
            log(
                instance=booking,
                action="bookings.resend",
                user=request.user,
                data={"kind": new.kind},
            )
        messages.success(request, f"“{new.get_kind_display()}” is queued to be sent again.")
    return redirect("bookings_requests:inspect", booking.pk)


class PrivacyForm(forms.Form):
    email = forms.EmailField(label="E-mail address", max_length=254)
    action = forms.ChoiceField(
        choices=[("export", "Export everything we hold"), ("erase", "Erase it")],
        widget=forms.RadioSelect,
    )
    confirm = forms.BooleanField(
        required=False, label="Yes, erase the personal data of every request from this address"
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "erase" and not cleaned.get("confirm"):
            self.add_error("confirm", "Tick the box to confirm the erasure.")
        return cleaned


def privacy_tools(request):
    if not (
        request.user.has_perm("bookings.view_booking")
        and request.user.has_perm("bookings.delete_booking")
    ):
        return permission_denied(request)
    form = PrivacyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if form.cleaned_data["action"] == "export":
            data = privacy.export(email, user=request.user)
            response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
            response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
            return response
        count = privacy.erase(email, user=request.user)
        messages.success(request, f"Erased the personal data of {count} request(s).")
        return redirect(reverse("bookings_privacy"))
    return TemplateResponse(
        request,
        "bookings/admin/privacy.html",
        {"form": form, "page_title": "Personal data (UK GDPR)", "header_title": "Personal data"},
    )
