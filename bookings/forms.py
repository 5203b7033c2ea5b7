"""The public booking form. A plain Django form (not a ModelForm): the view decides what is
stored, and the database, not the form, has the last word on whether a slot is free."""

import re
import unicodedata
import uuid
from urllib.parse import urlsplit

from django import forms
from django.utils import timezone

from bookings.abuse import spam_reason, started_token
from bookings.models.booking import Volume
from bookings.slots import parse_slot_value

NO_SLOT = "none"
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")
PHONE_RE = re.compile(r"^\+?[0-9 ()\-.]{7,24}$")
TAKEN_MESSAGE = "Sorry, that slot was just taken. Please choose another time."


def clean_text(value, multiline=False):
    """Drop control characters (keeping new lines and tabs in multi-line text) and normalise
    Unicode so look-alike forms compare equal. The text is stored as typed otherwise and is
    escaped wherever it is shown."""
    value = unicodedata.normalize("NFC", value or "")
    keep = {"\n", "\t"} if multiline else set()
    value = "".join(
        ch for ch in value if ch in keep or unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co"}
    )
    value = value.replace("\r\n", "\n")
    return value.strip()


def new_submission_token(request):
    """A form's own token: a resubmit of it leads to the request it made (double clicks)."""
    return uuid.uuid4()


def safe_local_path(value):
    """A path on this site ('/guides/x/'), or '' for anything else (other hosts, schemes)."""
    value = clean_text(value)[:300]
    if not value.startswith("/") or value.startswith("//") or "\\" in value:
        return ""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


def source_from_request(request):
    """Where the visitor came from: ?from=<path> that guide CTAs add, else a same-site
    Referer."""
    source = safe_local_path(request.GET.get("from", ""))
    if source:
        return source
    referer = request.headers.get("referer", "")
    if referer:
        parts = urlsplit(referer)
        if parts.netloc and parts.netloc == request.get_host():
            return safe_local_path(parts.path + (f"?{parts.query}" if parts.query else ""))
    return ""


def utm_from_request(request, key):
    """One utm_* value of the address, as the form stores it."""
    return clean_text(request.GET.get(key, ""))[:200]


class BookingForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        error_messages={"required": "Enter your name."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Work e-mail",
        max_length=254,
        error_messages={
            "required": "Enter your work e-mail address.",
            "invalid": "Enter an e-mail address like name@company.co.uk.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    company = forms.CharField(
        max_length=120,
        error_messages={"required": "Enter your company's name."},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    phone = forms.CharField(
        label="Phone (optional)",
        max_length=32,
        required=False,
        help_text="UK or international, e.g. 020 7946 0000 or +44 20 7946 0000.",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    role = forms.CharField(
        label="Your role (optional)",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    systems = forms.MultipleChoiceField(
        label="Systems you use",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    systems_other = forms.CharField(
        label="Other systems (optional)",
        max_length=200,
        required=False,
        help_text="Anything not in the list, separated by commas.",
    )
    problem = forms.CharField(
        label="What do you want connected, or what is the problem?",
        max_length=2000,
        help_text="Up to 2,000 characters.",
        error_messages={"required": "Tell us what you want connected, or what the problem is."},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    volume = forms.ChoiceField(
        label="Roughly how many orders or transactions a month?",
        choices=[("", "Choose one")] + list(Volume.choices),
        error_messages={"required": "Choose roughly how many orders or transactions you have."},
    )
    slot = forms.CharField(
        label="Choose a time for the call",
        error_messages={"required": "Choose a time, or tell us none of these suit you."},
    )
    marketing_opt_in = forms.BooleanField(required=False)

    # Hidden: idempotency, minimum fill time, attribution.
    submission_token = forms.UUIDField(widget=forms.HiddenInput)
    started = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)
    source_page = forms.CharField(widget=forms.HiddenInput, required=False, max_length=300)
    utm_source = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)
    utm_medium = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)
    utm_campaign = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)
    utm_term = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)
    utm_content = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)
    # Honeypot: hidden from people (the `hidden` attribute), filled in by naive bots.
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    # Every text a visitor can send, hidden attribution fields included, is cleaned alike.
    TEXT_FIELDS = ("name", "company", "phone", "role", "systems_other", *UTM_KEYS)

    def __init__(self, *args, free_slots=(), offered_slots=(), systems=(), opt_in_text="", **kw):
        super().__init__(*args, **kw)
        self.free_slots = list(free_slots)
        self.shown_slots = self.free_slots  # the picker's week of them (bookings/views.py)
        self.offered_slots = list(offered_slots)
        self.fields["systems"].choices = [(str(pk), name) for pk, name in systems]
        self.fields["marketing_opt_in"].label = opt_in_text
        self.opt_in_text = opt_in_text
        self.slot_taken = False

    @classmethod
    def initial_for(cls, request):
        initial = {
            "submission_token": new_submission_token(request),
            "started": started_token(),
            "source_page": source_from_request(request),
        }
        for key in UTM_KEYS:
            initial[key] = utm_from_request(request, key)
        return initial

    def clean(self):
        cleaned = super().clean()
        for name in self.TEXT_FIELDS:
            if name in cleaned:
                cleaned[name] = clean_text(cleaned[name])
        if "problem" in cleaned:
            cleaned["problem"] = clean_text(cleaned["problem"], multiline=True)
            if not cleaned["problem"]:
                self.add_error("problem", "Tell us briefly what you want connected.")
        # Only control characters or spaces: as good as empty.
        for name in ("name", "company"):
            if name in cleaned and not cleaned[name]:
                self.add_error(name, self.fields[name].error_messages["required"])
        if cleaned.get("source_page"):
            cleaned["source_page"] = safe_local_path(cleaned["source_page"])
        return cleaned

    def clean_phone(self):
        phone = clean_text(self.cleaned_data.get("phone", ""))
        if phone and (not PHONE_RE.match(phone) or sum(ch.isdigit() for ch in phone) < 7):
            raise forms.ValidationError(
                "Enter a phone number with digits only, e.g. 020 7946 0000 or +44 20 7946 0000."
            )
        return phone

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean_slot(self):
        value = self.cleaned_data["slot"]
        if value == NO_SLOT:
            return None
        start = parse_slot_value(value)
        for slot in self.free_slots:
            if slot.start == start:
                return slot
        if start and any(slot.start == start for slot in self.offered_slots):
            self.slot_taken = True
            raise forms.ValidationError(TAKEN_MESSAGE)
        raise forms.ValidationError("Choose one of the times shown.")

    def mark_slot_taken(self, free_slots):
        """The database refused the slot: say so and offer what is left."""
        self.free_slots = list(free_slots)
        self.slot_taken = True
        self.add_error("slot", TAKEN_MESSAGE)

    def booking_fields(self):
        """What the form says about the request, as the Booking's own fields."""
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "submission_token",
                "name",
                "email",
                "company",
                "phone",
                "role",
                "systems_other",
                "problem",
                "volume",
            )
        }
        fields["source_page"] = data.get("source_page", "")
        fields["utm"] = {key: data[key] for key in UTM_KEYS if data.get(key)}
        if data["marketing_opt_in"]:
            fields.update(
                marketing_opt_in=True,
                marketing_opt_in_text=self.opt_in_text,
                marketing_opt_in_at=timezone.now(),
            )
        return fields

    def spam_reason(self):
        """Why this submission looks like a bot's, or ''."""
        honeypot = self.cleaned_data.get("website") or self.data.get("website")
        return spam_reason(honeypot, self.cleaned_data.get("started"))

    def error_summary(self):
        """[(field id, message)] in the order of the form, for the summary at the top. Every
        message names what to fix, so it reads on its own."""
        items = []
        for name in self.fields:
            for message in self.errors.get(name, []):
                anchor = self[name].id_for_label
                if name == "slot":
                    anchor = self.shown_slots[0].html_id if self.shown_slots else "slot-none"
                elif name == "systems":
                    anchor = "id_systems_0"
                items.append((anchor, message))
        for message in self.non_field_errors():
            items.append(("", message))
        return items
