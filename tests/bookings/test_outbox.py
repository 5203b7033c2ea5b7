"""The e-mail outbox with the production task backend (django-tasks-db and its worker) and a
real SMTP server on loopback."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from apiwise import outbox
from apiwise.models import EmailDelivery
from bookings.models import Booking
from bookings.outbox import resend
from tests.bookings.notice import FIRST_CALL_AND_REMINDER
from tests.helpers import form_data, run_worker, time_passes

# The worker commits and closes connections like the real one: real transactions.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("demo_content"),
]


def test_both_backends_see_the_switch_to_the_database_backend(db_tasks):
    from django.tasks import task_backends
    from django_tasks import task_backends as backport_backends
    from django_tasks_db.backend import DatabaseBackend

    assert isinstance(task_backends["default"], DatabaseBackend)
    assert isinstance(backport_backends["default"], DatabaseBackend)


@pytest.mark.parametrize(("call", "reminder_due"), FIRST_CALL_AND_REMINDER)
def test_booking_queues_both_emails_in_its_transaction_and_the_worker_sends_them(
    client, db_tasks, smtp, first_free_slot, call, reminder_due
):
    assert first_free_slot.label == call
    response = client.post("/health-check/", form_data(slot=first_free_slot.value))
    assert response.status_code == 303
    booking = Booking.objects.get()
    # Queued, not sent: the request did not wait for the mail server.
    assert states(booking) == {"confirmation": "queued", "staff": "queued"} | reminder(
        reminder_due, "queued"
    )
    assert DBTaskResult.objects.filter(queue_name="email", status="READY").count() == len(
        states(booking)
    )
    assert smtp.messages == []

    run_worker()

    # The reminder, if any, waits for its time (tests/bookings/test_reminders.py).
    assert states(booking) == {"confirmation": "sent", "staff": "sent"} | reminder(
        reminder_due, "queued"
    )
    recipients = sorted(r for m in smtp.messages for r in m.rcpt_tos)
    assert recipients == ["ada@example.co.uk", "hello@apiwise.example"]
    prospect = next(m for m in smtp.messages if m.rcpt_tos == ["ada@example.co.uk"])
    raw = prospect.content.decode()
    assert "text/plain" in raw and "text/html" in raw and "text/calendar" in raw


@pytest.mark.parametrize(("call", "reminder_due"), FIRST_CALL_AND_REMINDER)
def test_mail_server_down_keeps_the_booking_and_sends_after_it_returns(
    client, db_tasks, smtp, first_free_slot, call, reminder_due
):
    assert first_free_slot.label == call
    smtp.stop()
    response = client.post("/health-check/", form_data(slot=first_free_slot.value))
    assert response.status_code == 303
    assert "Integration Health Check is booked" in client.get(response["Location"]).content.decode()

    run_worker()

    booking = Booking.objects.get()
    deliveries = list(booking.deliveries.exclude(kind="reminder"))
    assert [d.kind for d in deliveries] == ["confirmation", "staff"]
    assert {d.state for d in deliveries} == {"queued"}
    assert all(d.attempts == 1 for d in deliveries)
    assert all("Connection" in d.last_error or "refused" in d.last_error for d in deliveries)
    assert all(d.next_attempt_at > timezone.now() + dt.timedelta(seconds=50) for d in deliveries)

    # Not due yet: the worker leaves the retries alone.
    run_worker()
    assert smtp.messages == []

    smtp.start()
    time_passes(61)
    run_worker()

    assert states(booking) == {"confirmation": "sent", "staff": "sent"} | reminder(
        reminder_due, "queued"
    )
    assert len(smtp.messages) == 2


def states(booking):
    """{kind: state} of the booking's e-mails."""
    return dict(booking.deliveries.values_list("kind", "state"))


def reminder(due, state):
    """The reminder's entry in states(), when the call was booked 24 hours ahead or more."""
    return {"reminder": state} if due else {}


def test_retries_are_bounded_then_failed_with_the_last_error(client, db_tasks, smtp):
    smtp.stop()
    client.post("/health-check/", form_data())
    for seconds in (0, 61, 301):
        time_passes(seconds)
        run_worker()
    delivery = EmailDelivery.objects.filter(kind="confirmation").get()
    assert delivery.state == "failed"
    assert delivery.attempts == 3
    assert delivery.last_error
    # Nothing more is scheduled.
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_resend_sends_a_failed_email_again(client, db_tasks, smtp):
    smtp.stop()
    client.post("/health-check/", form_data())
    for seconds in (0, 61, 301):
        time_passes(seconds)
        run_worker()
    failed = EmailDelivery.objects.get(kind="confirmation")
    smtp.start()
    again = resend(failed)
    run_worker()
    again.refresh_from_db()
    assert again.state == "sent"
    assert [m.rcpt_tos for m in smtp.messages] == [["ada@example.co.uk"]]


def test_a_worker_killed_mid_send_is_recovered_once_its_lease_runs_out(client, db_tasks, smtp):
    client.post("/health-check/", form_data())
    # What SIGKILL leaves behind: the task RUNNING forever, the delivery "sending", its lease
    # (renewed while the worker lived) running out a few seconds later.
    now = timezone.now()
    running = DBTaskResult.objects.filter(queue_name="email")
    running.update(status=TaskResultStatus.RUNNING, started_at=now - dt.timedelta(seconds=40))
    EmailDelivery.objects.update(
        state="sending", attempts=1, last_attempt_at=now, lease_until=now + dt.timedelta(seconds=5)
    )
    # While the lease holds, the e-mail is in flight: nobody sends it again.
    call_command("send_queued_emails", verbosity=0)
    run_worker()
    assert smtp.messages == []

    outbox.requeue_stale(now=now + dt.timedelta(seconds=6))
    run_worker()

    assert set(EmailDelivery.objects.values_list("state", flat=True)) == {"sent"}
    assert len(smtp.messages) == 2
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).exists()
    stopped = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
    assert stopped.count() == 2
    assert all(row.exception_class_path == "apiwise.task_recovery.WorkerStopped" for row in stopped)


def test_every_attempt_at_one_email_has_the_same_message_id(client, db_tasks, smtp):
    """A copy sent again after a worker died is recognisably the same message."""
    client.post("/health-check/", form_data())
    run_worker()
    first = smtp.message_ids()
    delivery = EmailDelivery.objects.get(kind="confirmation")
    EmailDelivery.objects.filter(pk=delivery.pk).update(
        state="queued", next_attempt_at=timezone.now()
    )
    outbox.requeue_stale()
    run_worker()
    again = smtp.message_ids()
    assert len(set(first)) == 2 and len(again) == 3
    assert again[2] in first
    assert again[2].startswith(
        f"<booking-{delivery.booking_email.booking.reference.lower()}-confirmation-"
    )


def test_a_lost_task_is_requeued_but_a_pending_one_is_not(client, db_tasks, smtp):
    client.post("/health-check/", form_data())
    call_command("send_queued_emails", verbosity=0)
    assert DBTaskResult.objects.filter(status="READY").count() == 2  # no duplicates

    DBTaskResult.objects.all().delete()  # e.g. pruned, or never written
    call_command("send_queued_emails", verbosity=0)
    run_worker()
    assert len(smtp.messages) == 2


def test_spam_sends_no_email(client, db_tasks, smtp):
    client.post("/health-check/", form_data(website="http://spam.example"))
    run_worker()
    assert Booking.objects.get().status == "spam"
    assert not EmailDelivery.objects.exists()
    assert smtp.messages == []


def test_html_typed_into_the_form_is_escaped_in_the_emails(client, db_tasks, smtp):
    client.post(
        "/health-check/",
        form_data(name="<script>alert(1)</script>", problem="<b>bold</b> & <img src=x>"),
    )
    run_worker()
    for message in smtp.messages:
        raw = message.content.decode()
        html = raw[raw.index("text/html") :]
        assert "<script>alert(1)</script>" not in html
        assert "<img src=x>" not in html
