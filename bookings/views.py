"""Public views of the Health Check page (routed by HealthCheckPage). They read the request and
pick the response; the booking rules live in bookings/services.py."""

import hashlib
import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

from apiwise.content_cache import SLOTS, cached
from apiwise.page_cache import mark_holes, mark_versions
from apiwise.query_params import declare_query
from blog.models import Topic
from bookings import links, services
from bookings.abuse import rate_limited, too_many_requests
from bookings.booking_story import story_of
from bookings.forms import UTM_KEYS, BookingForm
from bookings.ics import invite
from bookings.slots import (
    Rules,
    all_slots,
    day_label,
    free_slots,
    group_by_day,
    parse_slot_value,
    uk_today,
)

WEEK_PARAMETER = re.compile(r"[1-9][0-9]?")

# On the confirmation page's address: a form resent from another browser was already sent.
ALREADY_SENT = "already_sent"


class SeeOther(HttpResponseRedirect):
    status_code = 303


@dataclass(frozen=True)
class SlotWeek:
    """The week of free slots the picker shows (?week=N, 1 the first), and its neighbours."""

    number: int
    count: int
    first: object  # date
    last: object  # date

    @classmethod
    def of(cls, rules, number):
        today = uk_today()
        count = rules.week_count(today)
        number = min(max(number, 1), count)
        return cls(number, count, *rules.week_days(today, number))

    @classmethod
    def requested(cls, request, rules):
        """The week ?week= asks for; Http404 for anything but one of the weeks offered."""
        value = request.GET.get("week")
        if value is None:
            return cls.of(rules, 1)
        if not WEEK_PARAMETER.fullmatch(value) or int(value) > rules.week_count(uk_today()):
            raise Http404("No such week of slots")
        return cls.of(rules, int(value))

    def holding(self, rules, slot):
        """The week with `slot` in it."""
        return SlotWeek.of(rules, 1 + (slot.day - rules.first_day(uk_today())).days // 7)

    @property
    def days(self):
        return self.first, self.last

    @property
    def label(self):
        return f"{day_label(self.first)} to {day_label(self.last)}"

    def shows(self, slot):
        return self.first <= slot.day <= self.last


def _form(page, rules, data=None, initial=None, week=None):
    """The booking form. Unbound (a visitor's first view) it knows the free slots of `week`
    alone; bound, it checks the chosen slot against every free slot, whichever week it is in."""
    offered = all_slots(rules, days=week.days if week else None)
    return BookingForm(
        data,
        initial=initial,
        free_slots=free_slots(rules, offered=offered),
        offered_slots=offered,
        systems=Topic.objects.systems().values_list("pk", "name"),
        opt_in_text=page.marketing_opt_in_text,
    )


def slot_picker(slots, chosen=""):
    """The day-by-day slot picker's HTML. It depends on the free slots and the chosen one
    alone (a hundred-odd radio buttons, most of the form page's rendering time), so it is
    rendered once for each such pair until the free slots change."""
    fingerprint = hashlib.sha256(
        "|".join([chosen, *(slot.value for slot in slots)]).encode()
    ).hexdigest()
    return cached(
        f"slot-picker:{fingerprint}",
        lambda: render_to_string(
            "bookings/includes/slot_options.html",
            {"slot_days": group_by_day(slots, chosen=chosen), "selected": chosen},
        ),
        versions=(SLOTS,),
    )


def _render_form(request, page, form, rules, week):
    chosen = str(form["slot"].value() or "")
    chosen_slot = next((slot for slot in form.free_slots if slot.value == chosen), None)
    if chosen_slot is not None:
        week = week.holding(rules, chosen_slot)
    form.shown_slots = [slot for slot in form.free_slots if week.shows(slot)]
    context = {
        "form": form,
        "has_free_slots": bool(form.shown_slots),
        "slot_picker": slot_picker(form.shown_slots, chosen),
        "slot_week": week,
        "error_summary": form.error_summary() if form.is_bound else [],
        "privacy_page": page.site_settings(request).privacy_page,
    }
    return page.render(request, context_overrides=context)


def _to_confirmation(request, page, booking):
    links.remember_for_confirmation(request, booking)
    links.remember_browser(request, booking)
    return SeeOther(links.page_url(page, "booked"))


def _to_existing(request, page, booking):
    """A resubmit of a request we already have. The browser that sent it sees it again; any
    other (a submission token is no secret: it sits in the form's HTML) is only told that it
    was sent, and where its details are: never the prospect's name or e-mail address."""
    mine = links.booking_for_confirmation(request)
    if mine is not None and mine.pk == booking.pk:
        return SeeOther(links.page_url(page, "booked"))
    if links.sent_from_this_browser(request, booking):
        # A double click: the second submit left before the first's answer set the session.
        return _to_confirmation(request, page, booking)
    return SeeOther(links.page_url(page, "booked") + f"?{ALREADY_SENT}=1")


def _submission_token(request):
    try:
        return uuid.UUID(str(request.POST.get("submission_token", "")))
    except ValueError:
        return None


def booking_form(request, page):
    # The picker's week is the one query parameter that makes it another page (the caches
    # key on it and ignore any other: apiwise/query_params.py).
    declare_query(request, "week")
    if request.method == "GET":
        return _empty_form(request, page)
    return never_cache(_submitted_form)(request, page)


def _empty_form(request, page):
    """The form as a visitor first sees it. The page cache keeps one copy of it for everybody
    and fills in, for each visitor, the hidden values that are theirs (apiwise/page_cache.py)."""
    rules = Rules.current()
    week = SlotWeek.requested(request, rules)
    form = _form(page, rules, initial=BookingForm.initial_for(request), week=week)
    response = _render_form(request, page, form, rules, week)
    # It shows the free slots: a booking refreshes it (and no guide).
    mark_versions(response, SLOTS)
    return mark_holes(
        response,
        csrfmiddlewaretoken="django.middleware.csrf.get_token",
        submission_token="bookings.forms.new_submission_token",  # noqa: S106 - a function path
        started="bookings.abuse.new_started_token",
        source_page="bookings.forms.source_from_request",
        # Attribution from the address (?utm_source=…): each visitor's own, never the page's.
        **{key: f"bookings.forms.utm_from_request:{key}" for key in UTM_KEYS},
    )


def _submitted_form(request, page):
    rules = Rules.current()
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    if rate_limited(request):
        return too_many_requests(request)

    # A resubmit of a request we already have (double click, back + resubmit, retried POST)
    # leads to that request, whatever the form or the slot check says now: the first submit
    # may have taken the slot a moment ago, so both checks run again after a refusal.
    token = _submission_token(request)
    existing = services.booking_for_submission(token)
    if existing:
        return _to_existing(request, page, existing)

    form = _form(page, rules, data=request.POST)
    if form.is_valid():
        try:
            booking = services.create_booking(
                form.booking_fields(),
                slot=form.cleaned_data["slot"],
                systems=form.cleaned_data.get("systems") or (),
                spam_reason=form.spam_reason(),
                rules=rules,
            )
        except services.SlotTaken:
            form.mark_slot_taken(free_slots(rules))
        else:
            return _to_confirmation(request, page, booking)
    existing = services.booking_for_submission(token)
    if existing:
        return _to_existing(request, page, existing)
    try:
        week = SlotWeek.requested(request, rules)
    except Http404:
        week = SlotWeek.of(rules, 1)
    return _render_form(request, page, form, rules, week)


@never_cache
def booked(request, page):
    """The browser that sent a request sees it here; anyone else sees where to find theirs."""
    booking = links.booking_for_confirmation(request)
    organisation = page.site_settings(request).organisation_name
    context = {
        "booking": booking,
        "story": story_of(booking, organisation) if booking else None,
        "ics_url": links.page_url(page, "booked_ics") if booking and booking.holds_slot else "",
        "confirmation_hours": settings.BOOKINGS_CONFIRMATION_HOURS,
        "already_sent": booking is None and request.GET.get(ALREADY_SENT) == "1",
        "canonical_url": links.page_url(page, "booked", absolute=True),
    }
    return page.render(request, template="bookings/booked.html", context_overrides=context)


@never_cache
def booked_ics(request, page):
    booking = links.booking_for_confirmation(request)
    if booking is None or not booking.holds_slot:
        raise Http404
    body = invite(
        booking,
        organisation=page.site_settings(request).organisation_name,
        domain=request.get_host().split(":")[0],
        url=page.get_full_url(request),
        meeting_url=booking.meeting_url(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{booking.reference}.ics"'
    return response


@never_cache
def manage(request, page, token):
    """The prospect's signed link from their e-mail: cancel, or move the call."""
    booking = links.booking_for_manage(token)
    if booking is None or booking.status == booking.Status.SPAM:
        raise Http404
    rules = Rules.current()
    here = links.page_url(page, "manage", token)
    error = ""

    if request.method == "POST" and services.can_change(booking):
        if rate_limited(request):
            return too_many_requests(request)
        action = request.POST.get("action")
        if action == "cancel":
            services.cancel(booking)
            return SeeOther(here + "?done=cancelled")
        if action == "reschedule":
            slot = _free_slot(request.POST.get("slot"), rules, booking)
            if slot is None:
                error = "Choose one of the times shown."
            else:
                try:
                    services.reschedule(booking, slot, rules)
                except services.SlotTaken:
                    error = "Sorry, that slot was just taken. Please choose another time."
                else:
                    return SeeOther(here + "?done=rescheduled")
        else:
            error = "Choose what you want to do."

    changeable = services.can_change(booking)
    slots = free_slots(rules, exclude_booking=booking) if changeable else []
    context = {
        "booking": booking,
        "can_change": changeable,
        "slot_days": group_by_day([s for s in slots if s.start != booking.slot_start]),
        "done": request.GET.get("done", "") if request.method == "GET" else "",
        "error": error,
        "action_url": here,
    }
    return page.render(request, template="bookings/manage.html", context_overrides=context)


def _free_slot(value, rules, booking):
    """The free slot the prospect chose, or None."""
    start = parse_slot_value(value)
    return next((s for s in free_slots(rules, exclude_booking=booking) if s.start == start), None)
