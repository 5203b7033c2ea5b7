"""Unhandled exceptions reach staff (e-mail to ADMINS, Sentry when configured) without the
visitor's personal data: forced faults through the real request path and the real worker,
with the reports delivered to a real SMTP server on loopback."""

import email
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client

from apiwise import outbox
from bookings import services
from bookings.models import Booking
from tests.helpers import ROOT, form_data, run_worker

ADMIN = "ops@apiwise.example"


def personal():
    """What the visitor typed that no report may show."""
    visitor = form_data()
    return [visitor["email"], visitor["name"], visitor["phone"], visitor["company"]]


class FaultInTheBookingService(Exception):
    pass


def _fail_to_store(fields, **kwargs):
    # As an unexpected fault would: quoting what the visitor typed in its message.
    raise FaultInTheBookingService(f"could not store the request from {fields['email']}")


def _reports(smtp):
    messages = [email.message_from_bytes(m.content) for m in smtp.messages]
    return [
        (m["Subject"], m.get_payload(decode=True).decode())
        for m, envelope in zip(messages, smtp.messages, strict=True)
        if envelope.rcpt_tos == [ADMIN]
    ]


def _post_booking_that_fails(monkeypatch):
    """A visitor with a session posts the Health Check form, and storing it raises."""
    monkeypatch.setattr(services, "create_booking", _fail_to_store)
    session = SessionStore()
    session["seen"] = True
    session.create()
    client = Client(raise_request_exception=False)
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    response = client.post("/health-check/", form_data())
    return response, session.session_key


@pytest.fixture
def admins(settings):
    settings.ADMINS = [f"Ops <{ADMIN}>"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("demo_content")
def test_a_500_in_a_booking_post_emails_admins_without_the_visitors_data(
    admins, db_tasks, smtp, monkeypatch
):
    response, session_key = _post_booking_that_fails(monkeypatch)

    assert response.status_code == 500
    assert _reports(smtp) == []  # queued in the outbox: the visitor did not wait on SMTP
    run_worker()
    [(subject, body)] = _reports(smtp)
    assert "Internal Server Error: /health-check/" in subject
    assert "FaultInTheBookingService" in body
    assert "could not store the request from [e-mail removed]" in body
    # Which form, and that the visitor had a session, but none of their values.
    assert "email = '[removed]'" in body and "sessionid = '[removed]'" in body
    for secret in [*personal(), session_key]:
        assert secret not in subject and secret not in body


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("demo_content")
def test_a_failing_task_in_the_worker_emails_admins_without_the_visitors_data(
    client, admins, db_tasks, smtp, monkeypatch
):
    assert client.post("/health-check/", form_data()).status_code == 303
    booking = Booking.objects.get()

    def deliver_fails(delivery_id):
        raise FaultInTheBookingService(f"no mailbox for {booking.email}")

    monkeypatch.setattr(outbox, "deliver", deliver_fails)
    run_worker()

    # The prospect's confirmation and the staff notification both failed, at the same line:
    # one error, one e-mail (apiwise/error_mail.py), sent directly by the worker.
    reports = _reports(smtp)
    assert len(reports) == 1
    for subject, body in reports:
        assert "apiwise.outbox.send_delivery state=FAILED" in subject
        assert "FaultInTheBookingService" in body and "no mailbox for [e-mail removed]" in body
        for secret in personal():
            assert secret not in subject and secret not in body


@pytest.fixture
def sentry_events():
    """Sentry started as production starts it, with a transport that keeps the events
    instead of sending them."""
    sentry_sdk = pytest.importorskip("sentry_sdk", reason="the optional sentry extra is missing")
    from sentry_sdk.transport import Transport

    from apiwise.sentry import init_sentry

    class Capturing(Transport):
        events = []

        def capture_envelope(self, envelope):
            if envelope.get_event() is not None:
                self.events.append(envelope.get_event())

    assert init_sentry("https://key@sentry.example.invalid/1", transport=Capturing())
    yield Capturing.events
    sentry_sdk.init()  # no DSN: events are dropped from here on


@pytest.mark.django_db
def test_a_500_reaches_sentry_without_the_visitors_data(sentry_events, monkeypatch):
    import sentry_sdk

    response, session_key = _post_booking_that_fails(monkeypatch)
    sentry_sdk.flush()

    assert response.status_code == 500
    assert sentry_events, "no event reached Sentry"
    event = sentry_events[0]
    assert event["exception"]["values"][-1]["type"] == "FaultInTheBookingService"
    assert event["request"]["data"] == "[removed]"  # the form body was there, and went
    sent = json.dumps(sentry_events)
    assert "[e-mail removed]" in sent
    for secret in [*personal(), session_key]:
        assert secret not in sent


@pytest.mark.slow  # starts Django in a process of its own
def test_production_reads_admins_and_sentry_from_the_environment():
    """ADMINS with names (one with a comma in it) and SENTRY_DSN, as .env.example shows."""
    pytest.importorskip("sentry_sdk", reason="the optional sentry extra is missing")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "apiwise.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "apiwise.example",
        "ADMINS": 'Ops <ops@apiwise.example>, "Hopper, Grace" <grace@apiwise.example>',
        "SENTRY_DSN": "https://key@sentry.example.invalid/1",
    }
    script = (
        "import json, sentry_sdk; from django.conf import settings; "
        "print(json.dumps([settings.ADMINS, sentry_sdk.get_client().is_active(), "
        "settings.DEFAULT_EXCEPTION_REPORTER_FILTER]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    admins, sentry_active, reporter_filter = json.loads(result.stdout)
    assert admins == ["Ops <ops@apiwise.example>", '"Hopper, Grace" <grace@apiwise.example>']
    assert sentry_active
    assert reporter_filter == "apiwise.error_reports.PrivateExceptionReporterFilter"


def test_a_reports_text_loses_email_addresses_and_manage_link_secrets():
    from apiwise.error_reports import scrub_text

    line = (
        "Internal Server Error: /health-check/manage/QUJDOmRlZg_-x/ for ada.l+x@mail.example.co.uk"
    )
    assert scrub_text(line) == (
        "Internal Server Error: /health-check/manage/[token removed]/ for [e-mail removed]"
    )
