"""Public views of the Health Check page (routed by HealthCheckPage)."""

import ipaddress
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, OperationalError, connection, transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail.log_actions import log

from bookings import links, outbox
from bookings.forms import BookingForm
from bookings.models import Booking, EmailDelivery
from bookings.slots import Rules, all_slots, free_slots, group_by_day

logger = logging.getLogger(__name__)


class SlotTaken(Exception):
    pass


class SeeOther(HttpResponseRedirect):
    status_code = 303


# --- Helpers --------------------------------------------------------------------------------


def client_ip(request):
    """The visitor's IP: REMOTE_ADDR, or with N trusted proxies in front, the address the
    outermost trusted proxy saw (N-th from the right of X-Forwarded-For)."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            candidate = forwarded[-count]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return remote


def rate_limited(request):
    """Count this POST against the client's allowance (in the shared cache). True when over."""
    key = f"bookings:rate:{client_ip(request)}"
    window = settings.BOOKINGS_RATE_LIMIT_WINDOW
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > settings.BOOKINGS_RATE_LIMIT


def too_many_requests(request):
    response = TemplateResponse(request, "bookings/rate_limited.html", {}, status=429)
    response["Retry-After"] = str(settings.BOOKINGS_RATE_LIMIT_WINDOW)
    return response


def topic_choices():
    from blog.models import Topic

    return list(Topic.objects.order_by("name").values_list("pk", "name"))


def is_exclusion_violation(error):
    cause = getattr(error, "__cause__", None)
    return getattr(cause, "sqlstate", None) == "23P01" or "bookings_no_overlapping_slots" in str(
        error
    )


SAVE_ATTEMPTS = 3


def is_deadlock(error):
    return getattr(error.__cause__, "sqlstate", None) in {"40P01", "40001"}


def hold(booking, slot, rules):
    booking.slot_start = slot.start
    booking.slot_end = slot.end
    booking.hold_until = slot.end + rules.buffer


def check_free_without_constraint(booking):
    """SQLite has no exclusion constraint: check in Python (not race-free; PostgreSQL is)."""
    if connection.vendor == "postgresql" or not booking.slot_start:
        return
    overlapping = Booking.objects.filter(
        status__in=Booking.ACTIVE_STATUSES,
        slot_start__lt=booking.hold_until,
        hold_until__gt=booking.slot_start,
    ).exclude(pk=booking.pk)
    if overlapping.exists():
        raise SlotTaken


def log_action(booking, action, user=None, data=None):
    log(instance=booking, action=action, user=user, data=data or {})


# --- The form -------------------------------------------------------------------------------


def _form(page, rules, data=None, initial=None, now=None):
    offered = all_slots(rules, now)
    return BookingForm(
        data,
        initial=initial,
        free_slots=free_slots(rules, now),
        offered_slots=offered,
        topics=topic_choices(),
        opt_in_text=page.marketing_opt_in_text,
    )


def _render_form(request, page, form, status=200):
    context = {
        "form": form,
        "slot_days": group_by_day(form.free_slots),
        "error_summary": form.error_summary() if form.is_bound else [],
        "privacy_page": page.site_settings(request).privacy_page,
    }
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response


@never_cache
def booking_form(request, page):
    rules = Rules.current()
    if request.method == "GET":
        form = _form(page, rules, initial=BookingForm.initial_for(request))
        return _render_form(request, page, form)
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})

    if rate_limited(request):
        return too_many_requests(request)

    # A resubmit of a request we already have (double click, back + resubmit, retried POST).
    token = request.POST.get("submission_token", "")
    try:
        existing = Booking.objects.filter(submission_token=uuid.UUID(str(token))).first()
    except ValueError:
        existing = None
    if existing:
        return _to_confirmation(request, page, existing)

    form = _form(page, rules, data=request.POST)
    if not form.is_valid():
        return _render_form(request, page, form)

    try:
        booking = save_booking(form, page, rules)
    except SlotTaken:
        form.mark_slot_taken(free_slots(rules))
        return _render_form(request, page, form)
    return _to_confirmation(request, page, booking)


def _to_confirmation(request, page, booking):
    links.remember_for_confirmation(request, booking)
    return SeeOther(links.page_url(page, "booked"))


def save_booking(form, page, rules):
    data = form.cleaned_data
    spam_reason = form.is_bot()
    booking = Booking(
        submission_token=data["submission_token"],
        name=data["name"],
        email=data["email"],
        company=data["company"],
        phone=data["phone"],
        role=data["role"],
        systems_other=data["systems_other"],
        problem=data["problem"],
        volume=data["volume"],
        source_page=data.get("source_page", ""),
        utm=form.utm(),
    )
    if data["marketing_opt_in"]:
        booking.marketing_opt_in = True
        booking.marketing_opt_in_text = form.opt_in_text
        booking.marketing_opt_in_at = timezone.now()
    if spam_reason:
        # Suspected bots: stored as spam, hold no slot, get no e-mail, see the normal page.
        booking.status = Booking.Status.SPAM
        booking.spam_reason = spam_reason
    elif data["slot"]:
        hold(booking, data["slot"], rules)

    for attempt in range(1, SAVE_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                check_free_without_constraint(booking)
                booking.save()
                if data.get("systems"):
                    booking.systems.set(data["systems"])
                if not spam_reason:
                    outbox.queue_email(booking, EmailDelivery.Kind.CONFIRMATION)
                    outbox.queue_email(booking, EmailDelivery.Kind.STAFF)
        except IntegrityError as error:
            existing = Booking.objects.filter(submission_token=data["submission_token"]).first()
            if existing:
                return existing  # the same form was submitted twice at the same moment
            if is_exclusion_violation(error):
                raise SlotTaken from error
            raise
        except OperationalError as error:
            # Two requests for one slot at the same moment can deadlock on the exclusion
            # constraint, and PostgreSQL aborts one of them. Trying again, that one sees the
            # winner (and hears the slot is taken) rather than losing the request to a 500.
            if not is_deadlock(error) or attempt == SAVE_ATTEMPTS:
                raise
            booking.pk = None
            continue
        return booking


# --- Confirmation ---------------------------------------------------------------------------


@never_cache
def booked(request, page):
    """The browser that sent a request sees it here; anyone else sees where to find theirs."""
    booking = links.booking_for_confirmation(request)
    context = {
        "booking": booking,
        "ics_url": links.page_url(page, "booked_ics") if booking and booking.holds_slot else "",
        "confirmation_hours": settings.BOOKINGS_CONFIRMATION_HOURS,
        "canonical_url": links.page_url(page, "booked", absolute=True),
    }
    return page.render(request, template="bookings/booked.html", context_overrides=context)


@never_cache
def booked_ics(request, page):
    from bookings.ics import invite

    booking = links.booking_for_confirmation(request)
    if booking is None or not booking.holds_slot:
        raise Http404
    organisation = page.site_settings(request).organisation_name
    body = invite(
        booking,
        organisation=organisation,
        domain=request.get_host().split(":")[0],
        url=page.get_full_url(request),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{booking.reference}.ics"'
    return response


# --- Cancel or reschedule (the signed link in the prospect's e-mail) -------------------------

CHANGEABLE = ("new", "contacted", "scheduled")


def can_change(booking):
    if booking.status not in CHANGEABLE:
        return False
    return not (booking.slot_start and booking.slot_start <= timezone.now())


@never_cache
def manage(request, page, token):
    booking = links.booking_for_manage(token)
    if booking is None or booking.status == Booking.Status.SPAM:
        raise Http404
    rules = Rules.current()
    here = links.page_url(page, "manage", token)
    error = ""

    if request.method == "POST" and can_change(booking):
        if rate_limited(request):
            return too_many_requests(request)
        action = request.POST.get("action")
        if action == "cancel":
            with transaction.atomic():
                previous = booking.status
                booking.status = Booking.Status.CANCELLED
                booking.save(update_fields=["status", "updated_at"])
                log_action(
                    booking,
                    "bookings.cancelled_by_prospect",
                    data={"from": previous, "to": booking.status},
                )
                outbox.queue_email(booking, EmailDelivery.Kind.CANCELLATION)
                outbox.queue_email(booking, EmailDelivery.Kind.STAFF)
            return SeeOther(here + "?done=cancelled")
        if action == "reschedule":
            slot = _chosen_slot(request.POST.get("slot"), rules, booking)
            if slot is None:
                error = "Choose one of the times shown."
            else:
                try:
                    with transaction.atomic():
                        old = booking.slot_label()
                        hold(booking, slot, rules)
                        check_free_without_constraint(booking)
                        booking.save(
                            update_fields=["slot_start", "slot_end", "hold_until", "updated_at"]
                        )
                        log_action(
                            booking,
                            "bookings.rescheduled_by_prospect",
                            data={"from": old, "to": booking.slot_label()},
                        )
                        outbox.queue_email(booking, EmailDelivery.Kind.RESCHEDULE)
                        outbox.queue_email(booking, EmailDelivery.Kind.STAFF)
                except (IntegrityError, SlotTaken):
                    booking.refresh_from_db()
                    error = "Sorry, that slot was just taken. Please choose another time."
                else:
                    return SeeOther(here + "?done=rescheduled")
        else:
            error = "Choose what you want to do."

    slots = free_slots(rules, exclude_booking=booking) if can_change(booking) else []
    context = {
        "booking": booking,
        "can_change": can_change(booking),
        "slot_days": group_by_day([s for s in slots if s.start != booking.slot_start]),
        "done": request.GET.get("done", "") if request.method == "GET" else "",
        "error": error,
        "action_url": here,
    }
    response = page.render(request, template="bookings/manage.html", context_overrides=context)
    if error:
        response.status_code = 200
    return response


def _chosen_slot(value, rules, booking):
    from bookings.slots import parse_slot_value

    start = parse_slot_value(value)
    for slot in free_slots(rules, exclude_booking=booking):
        if slot.start == start:
            return slot
    return None
