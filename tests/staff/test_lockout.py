"""Brute-force protection on the admin's sign-in and password reset forms (django-axes and
the shared rate limiter), as an attacker and as staff see it."""

import logging

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from tests.helpers import STAFF_PASSWORD
from tests.staff.conftest import ATTACKER_IP, OFFICE_IP, sign_in, signed_in_as

pytestmark = pytest.mark.django_db

LIMIT = 5  # AXES_FAILURE_LIMIT in apiwise/settings/staff.py


def guess_wrong(client, username, times, ip=ATTACKER_IP):
    return [sign_in(client, username, f"guess-{n}", ip=ip) for n in range(times)]


def test_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused(
    client, sales_user, caplog
):
    with caplog.at_level(logging.WARNING, logger="apiwise.staff"):
        responses = guess_wrong(client, "sam", LIMIT)
    lockout_lines = [r.getMessage() for r in caplog.records if r.name == "apiwise.staff.lockout"]
    assert len(lockout_lines) == 1  # one line when the lock starts
    assert "'sam'" in lockout_lines[0] and ATTACKER_IP in lockout_lines[0]

    before = responses[:-1]
    assert [r.status_code for r in before] == [200] * (LIMIT - 1)
    assert all("and password didn&#x27;t match" in r.content.decode() for r in before)
    locked = responses[-1]
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == 15 * 60
    page = locked.content.decode()
    assert "Sign-in locked" in page and "Try again in 15 minutes" in page

    # The right password from the attacker's address: still refused, nobody signed in.
    response = sign_in(client, "sam", STAFF_PASSWORD, ip=ATTACKER_IP)
    assert response.status_code == 429
    assert signed_in_as(client) is None


def test_the_locked_username_is_refused_from_any_address(sales_user):
    guess_wrong(Client(), "sam", LIMIT)
    office = Client()
    assert sign_in(office, "sam", STAFF_PASSWORD, ip=OFFICE_IP).status_code == 429
    assert signed_in_as(office) is None


def test_another_address_still_signs_in_to_another_account(sales_user, editor):
    guess_wrong(Client(), "sam", LIMIT)

    office = Client()
    response = sign_in(office, "eddie", STAFF_PASSWORD, ip=OFFICE_IP)
    assert response.status_code == 302
    assert signed_in_as(office) == "eddie"


def test_one_address_guessing_many_usernames_is_locked_out(sales_user, editor):
    """Password spraying: one wrong password for each of many usernames, from one address."""
    client = Client()
    responses = [sign_in(client, f"user{n}", "Winter2026!", ip=ATTACKER_IP) for n in range(LIMIT)]
    assert responses[-1].status_code == 429
    # Even a real account with its right password, from that address.
    assert sign_in(client, "eddie", STAFF_PASSWORD, ip=ATTACKER_IP).status_code == 429


def test_a_forged_forwarded_for_header_does_not_buy_fresh_tries(editor, settings):
    """No proxy in front (TRUSTED_PROXY_COUNT 0): the address is the peer's, whatever
    X-Forwarded-For claims, as for the booking rate limit."""
    settings.TRUSTED_PROXY_COUNT = 0
    client = Client()
    for n in range(LIMIT):
        response = client.post(
            "/admin/login/",
            {"username": f"user{n}", "password": "x"},
            REMOTE_ADDR=ATTACKER_IP,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
    assert response.status_code == 429


def test_behind_a_trusted_proxy_each_visitor_address_counts_apart(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    client = Client()
    for n in range(LIMIT):
        client.post(
            "/admin/login/",
            {"username": f"user{n}", "password": "x"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=ATTACKER_IP,
        )
    office = Client()
    response = office.post(
        "/admin/login/",
        {"username": "eddie", "password": STAFF_PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=OFFICE_IP,
    )
    assert response.status_code == 302 and signed_in_as(office) == "eddie"
    locked = Client().post(
        "/admin/login/",
        {"username": "eddie", "password": STAFF_PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=ATTACKER_IP,
    )
    assert locked.status_code == 429


def test_the_lock_clears_after_the_cool_off(sales_user):
    guess_wrong(Client(), "sam", LIMIT)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timezone.timedelta(minutes=16))

    client = Client()
    assert sign_in(client, "sam", STAFF_PASSWORD, ip=ATTACKER_IP).status_code == 302
    assert signed_in_as(client) == "sam"


def test_the_lock_holds_during_the_cool_off(sales_user):
    guess_wrong(Client(), "sam", LIMIT)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timezone.timedelta(minutes=14))
    assert sign_in(Client(), "sam", STAFF_PASSWORD, ip=ATTACKER_IP).status_code == 429


def test_a_superuser_sees_the_lockout_and_lifts_it_in_the_admin(admin_client, sales_user):
    guess_wrong(Client(), "sam", LIMIT)

    page = admin_client.get("/admin/sign-in-security/").content.decode()
    assert "Username <code>sam</code>" in page
    assert f"Address <code>{ATTACKER_IP}</code>" in page
    assert "Sign-in security" in admin_client.get("/admin/").content.decode()  # the menu

    admin_client.post("/admin/sign-in-security/unlock/", {"kind": "username", "value": "sam"})
    office = Client()
    assert sign_in(office, "sam", STAFF_PASSWORD, ip=OFFICE_IP).status_code == 302
    assert signed_in_as(office) == "sam"
    page = admin_client.get("/admin/sign-in-security/").content.decode()
    assert "Username <code>sam</code>" not in page


def test_only_superusers_may_see_or_lift_lockouts(client, editor):
    guess_wrong(Client(), "sam", LIMIT)
    client.force_login(editor)
    assert client.get("/admin/sign-in-security/").status_code == 302  # Wagtail's refusal
    client.post("/admin/sign-in-security/unlock/", {"kind": "username", "value": "sam"})
    assert AccessAttempt.objects.filter(username="sam").exists()


def test_unlock_with_nothing_chosen_says_so(admin_client):
    response = admin_client.post(
        "/admin/sign-in-security/unlock/", {"kind": "nonsense", "value": ""}, follow=True
    )
    assert response.status_code == 200
    assert "Choose a lockout to lift." in response.content.decode()


RESET_URL = "/admin/password_reset/"


def ask_for_reset(client, email, ip=ATTACKER_IP):
    return client.post(RESET_URL, {"email": email}, REMOTE_ADDR=ip)


def test_password_reset_requests_for_one_address_are_throttled(client, caplog):
    with caplog.at_level(logging.WARNING, logger="apiwise.staff"):
        codes = [
            ask_for_reset(Client(), "nobody@apiwise.example", ip=f"192.0.2.{n}").status_code
            for n in range(1, 5)
        ]
    assert codes == [302, 302, 302, 429]
    assert any("Password reset requests throttled" in r.getMessage() for r in caplog.records)

    # Someone else, elsewhere, is not held up.
    assert ask_for_reset(client, "other@apiwise.example", ip=OFFICE_IP).status_code == 302


def test_password_reset_requests_from_one_address_are_throttled(client):
    codes = [ask_for_reset(client, f"guess{n}@apiwise.example").status_code for n in range(6)]
    assert codes == [302] * 5 + [429]
    response = ask_for_reset(client, "another@apiwise.example")
    assert response.status_code == 429
    assert "Too many password reset requests" in response.content.decode()
