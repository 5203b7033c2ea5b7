"""Strangers cannot fill the admins' inbox: what they send (a post too big, too many fields)
and the 503s of a database outage are logged, not mailed; a real error is mailed once per
10 minutes, and the next e-mail says how many more there were. Through the real request
path, the outbox, the worker and an SMTP server on loopback."""

import email

import pytest
from django.test import Client

from apiwise import error_mail
from apiwise.error_reports import ERROR_REPORT_EMAIL
from apiwise.models import EmailDelivery
from bookings import services
from tests.apiwise.test_bad_requests import database_gone  # noqa: F401 - a fixture
from tests.helpers import form_data, run_worker

ADMIN = "ops@apiwise.example"

# The worker closes database connections, as production's does: the tests that run it commit.
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def admins(settings):
    settings.ADMINS = [f"Ops <{ADMIN}>"]
    settings.BOOKINGS_RATE_LIMIT = 1000  # the faults below, not the rate limit


def reports(smtp):
    """(subject, body) of each e-mail the admins received."""
    found = []
    for envelope in smtp.messages:
        if envelope.rcpt_tos == [ADMIN]:
            message = email.message_from_bytes(envelope.content)
            found.append((message["Subject"], message.get_payload(decode=True).decode()))
    return found


def visitor():
    return Client(raise_request_exception=False)


@committed
@pytest.mark.usefixtures("demo_content")
def test_fifty_oversized_posts_and_fifty_with_too_many_fields_email_nobody(
    admins, db_tasks, smtp, settings
):
    too_big = "problem=" + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 500_000)
    too_many = "&".join(f"f{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 100))
    # As a browser (or a bot that read the form) sends them: with the CSRF cookie, which
    # the CSRF check reads the body to compare, before any view.
    stranger = Client(enforce_csrf_checks=True, raise_request_exception=False)
    stranger.get("/health-check/")
    for body in [too_big] * 50 + [too_many] * 50:
        response = stranger.post(
            "/health-check/", data=body, content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 400
    run_worker()
    assert reports(smtp) == []
    assert not EmailDelivery.objects.filter(kind=ERROR_REPORT_EMAIL).exists()


@pytest.mark.django_db
def test_health_probes_while_the_database_is_away_email_nobody(admins, smtp, database_gone):  # noqa: F811
    for _ in range(30):
        assert visitor().get("/healthz").status_code == 503
        assert visitor().get("/faqs/").status_code == 503
    assert reports(smtp) == []


class FaultInTheBookingService(Exception):
    pass


def _fail(fields, **kwargs):
    raise FaultInTheBookingService("storing the request failed")


@committed
@pytest.mark.usefixtures("demo_content")
def test_the_same_error_is_mailed_once_per_window_and_the_next_says_how_many_more(
    admins, db_tasks, smtp, monkeypatch
):
    monkeypatch.setattr(services, "create_booking", _fail)
    for _ in range(20):
        assert visitor().post("/health-check/", form_data()).status_code == 500
    run_worker()
    [(subject, body)] = reports(smtp)
    assert "Internal Server Error: /health-check/" in subject
    assert "FaultInTheBookingService" in body and "suppressed" not in body

    # Eleven minutes later, it happens again.
    later = error_mail.now() + 11 * 60
    monkeypatch.setattr(error_mail, "now", lambda: later)
    assert visitor().post("/health-check/", form_data()).status_code == 500
    run_worker()
    first, second = reports(smtp)
    assert first == (subject, body)
    assert "19 more like this were suppressed" in second[1]
    assert "FaultInTheBookingService" in second[1]


@committed
@pytest.mark.usefixtures("demo_content")
def test_a_different_error_gets_its_own_email_within_the_window(
    admins, db_tasks, smtp, monkeypatch
):
    monkeypatch.setattr(services, "create_booking", _fail)
    assert visitor().post("/health-check/", form_data()).status_code == 500

    def _fail_differently(fields, **kwargs):
        raise ZeroDivisionError("another fault")

    monkeypatch.setattr(services, "create_booking", _fail_differently)
    assert visitor().post("/health-check/", form_data()).status_code == 500
    run_worker()
    bodies = [body for _subject, body in reports(smtp)]
    assert len(bodies) == 2
    assert "FaultInTheBookingService" in bodies[0] and "ZeroDivisionError" in bodies[1]
