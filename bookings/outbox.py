"""The e-mail outbox: every e-mail is an EmailDelivery row plus a background task.

- `queue_email()` is called inside the booking's transaction. With the database task backend
  (production) the task row is written in that same transaction, so the booking and its
  e-mails commit or vanish together. With an in-process backend (ImmediateBackend in dev and
  tests) the task runs after commit, so no e-mail goes out for a booking that rolled back.
- `deliver()` claims the row, sends, and records the outcome. A failure is retried with the
  backoff in settings.BOOKINGS_EMAIL_RETRY_DELAYS (re-enqueued with `run_after`); after the
  last delay the delivery is "failed" and staff can resend it.
- `requeue_stale()` (`manage.py send_queued_emails`, run from cron) picks up deliveries whose
  task was lost: a worker killed mid-send, a retry that could not be deferred, a crash between
  commit and enqueue.

Delivery is at least once: a worker killed after the SMTP server accepted a message but
before the row was marked sent will send it again when recovered.
"""

import datetime as dt
import logging
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.tasks import TaskResultStatus, task, task_backends
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from bookings.models import Booking, EmailDelivery

logger = logging.getLogger(__name__)
EMAIL_QUEUE = "email"


class WorkerStopped(Exception):
    """Recorded on a task row whose worker stopped mid-task (the delivery is redone)."""


@task(queue_name=EMAIL_QUEUE)
def send_delivery(delivery_id):
    return deliver(delivery_id)


def _backend():
    return task_backends[send_delivery.backend]


def _is_transactional(backend):
    try:
        from django_tasks_db.backend import DatabaseBackend
    except ImportError:  # pragma: no cover
        return False
    return isinstance(backend, DatabaseBackend)


def _enqueue(delivery, run_after=None):
    """Enqueue the send task for a delivery. Must be called inside a transaction for the
    database backend to act as an outbox."""
    backend = _backend()
    task_ = send_delivery
    if run_after is not None and run_after > timezone.now():
        if not backend.supports_defer:
            # In-process backends cannot wait: requeue_stale() sends it when it is due.
            return None
        task_ = task_.using(run_after=run_after)
    if _is_transactional(backend):
        result = task_.enqueue(delivery.pk)
        EmailDelivery.objects.filter(pk=delivery.pk).update(task_id=str(result.id))
        return result
    transaction.on_commit(lambda: task_.enqueue(delivery.pk), robust=True)
    return None


def queue_email(booking, kind):
    delivery = EmailDelivery.objects.create(booking=booking, kind=kind)
    _enqueue(delivery)
    return delivery


def resend(delivery):
    """Staff asked to send this e-mail again: a new delivery of the same kind."""
    with transaction.atomic():
        return queue_email(delivery.booking, delivery.kind)


def _stale_after():
    return dt.timedelta(seconds=settings.BOOKINGS_EMAIL_STALE_SECONDS)


def deliver(delivery_id):
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            EmailDelivery.objects.select_for_update()
            .select_related("booking")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.state in (EmailDelivery.State.SENT,):
            return "skipped"
        if delivery.state == EmailDelivery.State.FAILED:
            return "skipped"
        if delivery.state == EmailDelivery.State.SENDING and (
            delivery.last_attempt_at and delivery.last_attempt_at > now - _stale_after()
        ):
            return "in flight"
        if delivery.next_attempt_at > now + dt.timedelta(seconds=5):
            return "not due"  # an older task for a delivery that was rescheduled
        delivery.state = EmailDelivery.State.SENDING
        delivery.attempts += 1
        delivery.last_attempt_at = now
        delivery.save(update_fields=["state", "attempts", "last_attempt_at"])

    try:
        message = build_message(delivery)
        if not mailers.default.send_messages([message]):
            raise RuntimeError("The mail backend did not accept the message.")
    except Exception as error:  # noqa: BLE001 - any failure is recorded and retried
        return _record_failure(delivery, error)

    EmailDelivery.objects.filter(pk=delivery.pk).update(
        state=EmailDelivery.State.SENT, sent_at=timezone.now(), last_error=""
    )
    return "sent"


def _record_failure(delivery, error):
    message = f"{type(error).__name__}: {error}"[:1000]
    delays = settings.BOOKINGS_EMAIL_RETRY_DELAYS
    logger.warning(
        "E-mail %s for %s failed (attempt %s): %s",
        delivery.pk,
        delivery.booking.reference,
        delivery.attempts,
        message,
    )
    if delivery.attempts > len(delays) or not delivery.booking.email:
        EmailDelivery.objects.filter(pk=delivery.pk).update(
            state=EmailDelivery.State.FAILED, last_error=message
        )
        return "failed"
    next_attempt = timezone.now() + dt.timedelta(seconds=delays[delivery.attempts - 1])
    with transaction.atomic():
        EmailDelivery.objects.filter(pk=delivery.pk).update(
            state=EmailDelivery.State.QUEUED, last_error=message, next_attempt_at=next_attempt
        )
        delivery.next_attempt_at = next_attempt
        _enqueue(delivery, run_after=next_attempt)
    return "retry"


def requeue_stale(now=None):
    """Re-enqueue deliveries whose task was lost. Returns how many were requeued."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    stale = now - _stale_after()
    transactional = _is_transactional(_backend())
    if transactional:
        # A worker killed mid-task leaves its row RUNNING forever; the delivery is redone
        # below, so close the orphan row.
        DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING,
            started_at__lt=stale,
            task_path=f"{send_delivery.func.__module__}.{send_delivery.func.__qualname__}",
        ).update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            exception_class_path=f"{WorkerStopped.__module__}.{WorkerStopped.__qualname__}",
            traceback="The worker stopped while running this task; requeued.",
        )
    candidates = EmailDelivery.objects.filter(
        state=EmailDelivery.State.QUEUED, next_attempt_at__lte=now
    ) | EmailDelivery.objects.filter(state=EmailDelivery.State.SENDING, last_attempt_at__lt=stale)
    count = 0
    for delivery in candidates.order_by("pk"):
        if (
            transactional
            and delivery.state == EmailDelivery.State.QUEUED
            and delivery.task_id
            and DBTaskResult.objects.filter(
                id=delivery.task_id, status=TaskResultStatus.READY
            ).exists()
        ):
            continue  # its task is still waiting for a worker
        with transaction.atomic():
            updated = EmailDelivery.objects.filter(
                pk=delivery.pk, state=delivery.state, attempts=delivery.attempts
            ).update(state=EmailDelivery.State.QUEUED, next_attempt_at=now)
            if updated:
                delivery.next_attempt_at = now
                _enqueue(delivery)
                count += 1
    return count


# --- Messages -------------------------------------------------------------------------------


SUBJECTS = {
    EmailDelivery.Kind.CONFIRMATION: "Your Integration Health Check request ({ref})",
    EmailDelivery.Kind.STAFF: "Health Check request: {company} ({ref}), {status}",
    EmailDelivery.Kind.CANCELLATION: "Your Health Check booking is cancelled ({ref})",
    EmailDelivery.Kind.RESCHEDULE: "Your Health Check has a new time ({ref})",
}


def _site_context():
    from wagtail.models import Site

    from apiwise.models import SiteSettings
    from bookings.models import HealthCheckPage

    site = Site.objects.filter(is_default_site=True).first()
    site_settings = SiteSettings.for_site(site) if site else None
    page = HealthCheckPage.objects.live().first()
    return site, site_settings, page


def staff_recipients(site_settings):
    if settings.BOOKINGS_STAFF_EMAILS:
        return list(settings.BOOKINGS_STAFF_EMAILS)
    if site_settings and site_settings.contact_email:
        return [site_settings.contact_email]
    return [parseaddr(settings.DEFAULT_FROM_EMAIL)[1]]


def build_message(delivery):
    from bookings import links
    from bookings.ics import invite

    booking: Booking = delivery.booking
    if not booking.email:
        raise ValueError("The request has no e-mail address (anonymised).")
    site, site_settings, page = _site_context()
    organisation = site_settings.organisation_name if site_settings else "APIwise"
    from_address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    context = {
        "booking": booking,
        "organisation": organisation,
        "page": page,
        "contact_email": site_settings.contact_email if site_settings else "",
        "link_days": settings.BOOKINGS_MANAGE_LINK_DAYS,
        "manage_url": (
            links.page_url(page, "manage", links.manage_token(booking), absolute=True)
            if page
            else ""
        ),
        "page_url": page.get_full_url() if page else "",
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("bookings_requests:inspect", args=[booking.pk]),
    }
    kind = delivery.kind
    template = f"bookings/email/{kind}"
    subject = SUBJECTS[kind].format(
        ref=booking.reference, company=booking.company, status=booking.get_status_display()
    )
    if kind == EmailDelivery.Kind.STAFF:
        to = staff_recipients(site_settings)
        reply_to = [booking.email]
    else:
        to = [booking.email]
        reply_to = (
            [site_settings.contact_email] if site_settings and site_settings.contact_email else []
        )
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string(f"{template}.txt", context),
        from_email=formataddr((organisation, from_address)),
        to=to,
        reply_to=reply_to,
        headers={"X-Booking-Reference": booking.reference},
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    if booking.slot_start and kind in (
        EmailDelivery.Kind.CONFIRMATION,
        EmailDelivery.Kind.RESCHEDULE,
    ):
        domain = site.hostname if site else "apiwise.example"
        sequence = booking.deliveries.filter(kind=EmailDelivery.Kind.RESCHEDULE).count()
        message.attach(
            "health-check.ics",
            invite(booking, organisation, domain, context["page_url"], sequence),
            "text/calendar",
        )
    return message
