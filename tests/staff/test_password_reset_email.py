"""A staff member who forgot their password gets the reset link by e-mail through the outbox:
stored first, sent by the worker through a real SMTP server on loopback, retried while the
mail server is down."""

import email
import re
from email.policy import default

import pytest
from django.contrib.auth.models import User

from apiwise.models import EmailDelivery
from apiwise.staff.password_reset import PASSWORD_RESET_EMAIL
from tests.helpers import run_worker, time_passes

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("demo_content"),
]
RESET_LINK = re.compile(r"https?://\S+(/admin/password_reset/confirm/\S+/)")


@pytest.fixture
def staff_member(db):
    return User.objects.create_user(
        "sam", "sam@apiwise.example", "old-password-1234", is_staff=True
    )


def plain_text(envelope):
    return (
        email.message_from_bytes(envelope.content, policy=default)
        .get_body(("plain",))
        .get_content()
    )


def ask_for_a_reset(client, address):
    response = client.post("/admin/password_reset/", {"email": address})
    assert response.status_code == 302
    assert response["Location"].endswith("/admin/password_reset/done/")


def test_the_reset_link_arrives_by_the_worker_and_sets_a_new_password(
    client, db_tasks, smtp, staff_member
):
    ask_for_a_reset(client, "SAM@apiwise.example")
    assert smtp.messages == [], "nothing is sent from the web request itself"
    run_worker()

    [message] = smtp.messages
    assert message.rcpt_tos == ["sam@apiwise.example"]
    link = RESET_LINK.search(plain_text(message)).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    done = client.post(
        form_page.request["PATH_INFO"],
        {"new_password1": "a-new-long-passphrase-42", "new_password2": "a-new-long-passphrase-42"},
    )
    assert done.status_code == 302
    staff_member.refresh_from_db()
    assert staff_member.check_password("a-new-long-passphrase-42")

    delivery = EmailDelivery.objects.get(kind=PASSWORD_RESET_EMAIL)
    assert delivery.state == EmailDelivery.State.SENT
    assert "password_reset/confirm" not in str(delivery.message), "the sent link is not kept"


def test_a_reset_asked_for_during_a_mail_outage_arrives_once_the_server_is_back(
    client, db_tasks, smtp, staff_member
):
    smtp.stop()
    ask_for_a_reset(client, "sam@apiwise.example")
    run_worker()
    delivery = EmailDelivery.objects.get(kind=PASSWORD_RESET_EMAIL)
    assert delivery.state == EmailDelivery.State.QUEUED
    assert delivery.attempts == 1 and delivery.last_error

    smtp.start()
    time_passes(60)
    run_worker()
    assert [m.rcpt_tos for m in smtp.messages] == [["sam@apiwise.example"]]
    assert RESET_LINK.search(plain_text(smtp.messages[0]))


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, db_tasks, smtp):
    ask_for_a_reset(client, "nobody@example.com")
    run_worker()
    assert smtp.messages == []
    assert not EmailDelivery.objects.filter(kind=PASSWORD_RESET_EMAIL).exists()
