"""The e-mail outbox: every e-mail is an EmailDelivery row plus a background task.

- `queue_delivery()` and `queue_message()` are called inside the transaction of the change
  that causes the e-mail (a booking, a password reset request). With the database task backend
  (production) the task row is written in that same transaction, so the booking and its
  e-mails commit or vanish together. With an in-process backend (ImmediateBackend in dev and
  tests) the task runs after commit, so no e-mail goes out for a booking that rolled back.
- `deliver()` claims the row with a short lease, sends (renewing the lease while the mail
  server takes its time), and records the outcome. A failure is retried with the backoff in
  settings.BOOKINGS_EMAIL_RETRY_DELAYS (re-enqueued with `run_after`); after the last delay
  the delivery is "failed" and staff can resend it.
- `requeue_stale()` picks up deliveries whose task was lost: a worker killed mid-send (its
  lease runs out within BOOKINGS_EMAIL_LEASE_SECONDS), a crash between commit and enqueue, a
  retry an in-process backend could not defer. The worker (`manage.py run_worker`) runs it
  every half minute; `manage.py send_queued_emails` runs it once.
- Every kind of e-mail is registered by the app that sends it (apiwise/email_kinds.py). A
  stored message (`queue_message()`) is sent as it was rendered; other kinds are written when
  sent by their kind's `build` (bookings registers the e-mails about a booking), which may
  also say a delivery is no longer wanted.

Delivery is at least once: a worker killed after the mail server accepted a message but
before the row was marked sent sends it again when recovered, with the same Message-ID.
"""

import datetime as dt
import logging
import threading
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import DatabaseError, connection, transaction
from django.tasks import task, task_backends
from django.utils import timezone

from apiwise import email_kinds
from apiwise.models import EmailDelivery, SiteSettings
from apiwise.task_recovery import requeue_lost

logger = logging.getLogger(__name__)
EMAIL_QUEUE = "email"
State = EmailDelivery.State


class PermanentFailure(Exception):
    """Raised by a writer when the e-mail can never be sent (no address to send it to): the
    delivery fails at once rather than being retried."""


@task(queue_name=EMAIL_QUEUE)
def send_delivery(delivery_id):
    return deliver(delivery_id)


def _backend():
    return task_backends[send_delivery.backend]


def _is_transactional(backend):
    from django_tasks_db.backend import DatabaseBackend

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


def queue_delivery(kind, *, send_at=None, **fields):
    """Queue an e-mail of a registered kind, to go now or at `send_at` (a deferred task). An
    app that ties the e-mail to a record of its own writes that link in the same transaction:
    the send task runs only after it commits."""
    email_kinds.check_registered(kind)
    delivery = EmailDelivery.objects.create(
        kind=kind, next_attempt_at=send_at or timezone.now(), **fields
    )
    _enqueue(delivery, run_after=send_at)
    return delivery


def queue_message(kind, *, to, subject, body, html="", reply_to=(), headers=None):
    """Queue an e-mail rendered now, to be sent as it is. Call it inside the transaction of
    the change that causes it, as queue_delivery()."""
    email_kinds.check_registered(kind)
    delivery = EmailDelivery.objects.create(
        kind=kind,
        message={
            "to": list(to),
            "subject": " ".join(subject.split()),
            "body": body,
            "html": html,
            "reply_to": list(reply_to),
            "headers": dict(headers or {}),
        },
    )
    _enqueue(delivery)
    return delivery


def message_id(delivery, from_address, owner=""):
    """The same for every attempt at one delivery (a new one for a staff resend), so a copy
    sent again after a worker died mid-send is recognisable as the same message."""
    domain = from_address.rpartition("@")[2] or "apiwise.example"
    return f"<{owner}{delivery.kind}-{delivery.pk}@{domain}>"


def build_stored_message(delivery):
    """An e-mail queued with its message, as it was rendered then."""
    stored = delivery.message
    if not stored.get("to"):
        raise PermanentFailure("The e-mail has no recipient.")
    site_settings = SiteSettings.for_default_site()
    organisation = site_settings.organisation_name if site_settings else "APIwise"
    from_address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    message = EmailMultiAlternatives(
        subject=stored["subject"],
        body=stored["body"],
        from_email=formataddr((organisation, from_address)),
        to=stored["to"],
        reply_to=stored.get("reply_to") or [],
        headers={**stored.get("headers", {}), "Message-ID": message_id(delivery, from_address)},
    )
    if stored.get("html"):
        message.attach_alternative(stored["html"], "text/html")
    return message


def _lease():
    return dt.timedelta(seconds=settings.BOOKINGS_EMAIL_LEASE_SECONDS)


class LeaseKeeper:
    """Renews a sending delivery's lease while the send is under way, from a thread of its
    own: a slow mail server is not mistaken for a dead worker. When the worker dies, the
    renewals stop and the lease runs out."""

    def __init__(self, delivery_id):
        self.delivery_id = delivery_id
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._renew, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        self.thread.join(5)

    def _renew(self):
        interval = settings.BOOKINGS_EMAIL_LEASE_SECONDS / 3
        try:
            while not self.done.wait(interval):
                EmailDelivery.objects.filter(pk=self.delivery_id, state=State.SENDING).update(
                    lease_until=timezone.now() + _lease()
                )
        except DatabaseError:
            logger.warning("Could not renew the lease of e-mail %s", self.delivery_id)
        finally:
            connection.close()


def deliver(delivery_id):
    now = timezone.now()
    with transaction.atomic():
        delivery = EmailDelivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.state in (State.SENT, State.FAILED, State.SKIPPED):
            return "skipped"
        if delivery.state == State.SENDING and delivery.lease_until and delivery.lease_until > now:
            return "in flight"
        if delivery.next_attempt_at > now + dt.timedelta(seconds=5):
            return "not due"  # an older task for a delivery that was rescheduled
        kind = email_kinds.get(delivery.kind)
        if kind.still_wanted and not kind.still_wanted(delivery):
            delivery.state = State.SKIPPED
            delivery.save(update_fields=["state"])
            return "skipped"
        delivery.state = State.SENDING
        delivery.attempts += 1
        delivery.last_attempt_at = now
        delivery.lease_until = now + _lease()
        delivery.save(update_fields=["state", "attempts", "last_attempt_at", "lease_until"])

    try:
        message = (kind.build or build_stored_message)(delivery)
        with LeaseKeeper(delivery.pk):
            accepted = mailers.default.send_messages([message])
        if not accepted:
            raise RuntimeError("The mail backend did not accept the message.")
    except Exception as error:  # noqa: BLE001 - any failure is recorded and retried
        return _record_failure(delivery, error)

    sent = {"state": State.SENT, "sent_at": timezone.now(), "last_error": "", "lease_until": None}
    if kind.secret:
        # Its body holds a working secret (a reset link): keep only who and what once sent.
        sent["message"] = {key: delivery.message.get(key) for key in ("to", "subject")}
    EmailDelivery.objects.filter(pk=delivery.pk).update(**sent)
    return "sent"


def _record_failure(delivery, error):
    message = f"{type(error).__name__}: {error}"[:1000]
    delays = settings.BOOKINGS_EMAIL_RETRY_DELAYS
    logger.warning(
        "E-mail %s (%s) failed (attempt %s): %s",
        delivery.pk,
        delivery.kind,
        delivery.attempts,
        message,
    )
    if delivery.attempts > len(delays) or isinstance(error, PermanentFailure):
        EmailDelivery.objects.filter(pk=delivery.pk).update(
            state=State.FAILED, last_error=message, lease_until=None
        )
        return "failed"
    next_attempt = timezone.now() + dt.timedelta(seconds=delays[delivery.attempts - 1])
    with transaction.atomic():
        EmailDelivery.objects.filter(pk=delivery.pk).update(
            state=State.QUEUED, last_error=message, next_attempt_at=next_attempt, lease_until=None
        )
        delivery.next_attempt_at = next_attempt
        _enqueue(delivery, run_after=next_attempt)
    return "retry"


def requeue_stale(now=None):
    """Re-enqueue deliveries whose task was lost, as of `now`, to be sent at once. Returns
    how many were requeued."""
    now = now or timezone.now()
    candidates = EmailDelivery.objects.filter(
        state=State.QUEUED, next_attempt_at__lte=now
    ) | EmailDelivery.objects.filter(state=State.SENDING, lease_until__lt=now)
    return requeue_lost(
        candidates.order_by("pk"),
        transactional=_is_transactional(_backend()),
        enqueue=_enqueue,
        lease=_lease(),
        what="e-mail",
        now=now,
    )
