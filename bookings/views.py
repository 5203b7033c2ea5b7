"""Public views of the Health Check page (routed by HealthCheckPage). They read the request and
pick the response; the booking rules live in bookings/services.py."""

import hashlib
import uuid

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

from apiwise.content_cache import SLOTS, cached
from apiwise.page_cache import mark_holes, mark_versions
from blog.models import Topic
from bookings import links, services
from bookings.abuse import rate_limited, too_many_requests
from bookings.forms import UTM_KEYS, BookingForm
from bookings.ics import invite
from bookings.slots import Rules, all_slots, free_slots, group_by_day, parse_slot_value

# On the confirmation page's address: a form resent from another browser was already sent.
ALREADY_SENT = "already_sent"


class SeeOther(HttpResponseRedirect):
    status_code = 303


def _form(page, rules, data=None, initial=None):
    offered = all_slots(rules)
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


def _render_form(request, page, form):
    chosen = str(form["slot"].value() or "")
    context = {
        "form": form,
        "has_free_slots": bool(form.free_slots),
        "slot_picker": slot_picker(form.free_slots, chosen),
        "error_summary": form.error_summary() if form.is_bound else [],
        "privacy_page": page.site_settings(request).privacy_page,
    }
    return page.render(request, context_overrides=context)


def _to_confirmation(request, page, booking):
    links.remember_for_confirmation(request, booking)
    return SeeOther(links.page_url(page, "booked"))


def _to_existing(request, page, booking):
    """A resubmit of a request we already have. The browser that sent it sees it again; any
    other (a submission token is no secret: it sits in the form's HTML) is only told that it
    was sent, and where its details are: never the prospect's name or e-mail address."""
    mine = links.booking_for_confirmation(request)
    if mine is not None and mine.pk == booking.pk:
        return SeeOther(links.page_url(page, "booked"))
    return SeeOther(links.page_url(page, "booked") + f"?{ALREADY_SENT}=1")


def _submission_token(request):
    try:
        return uuid.UUID(str(request.POST.get("submission_token", "")))
    except ValueError:
        return None


def booking_form(request, page):
    if request.method == "GET":
        return _empty_form(request, page)
    return never_cache(_submitted_form)(request, page)


def _empty_form(request, page):
    """The form as a visitor first sees it. The page cache keeps one copy of it for everybody
    and fills in, for each visitor, the hidden values that are theirs (apiwise/page_cache.py)."""
    rules = Rules.current()
    response = _render_form(
        request, page, _form(page, rules, initial=BookingForm.initial_for(request))
    )
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
    return _render_form(request, page, form)


@never_cache
def booked(request, page):
    """The browser that sent a request sees it here; anyone else sees where to find theirs."""
    booking = links.booking_for_confirmation(request)
    context = {
        "booking": booking,
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
