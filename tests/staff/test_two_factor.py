"""Two-factor sign-in for staff: setting up an authenticator app, signing in with its code or
a recovery code, and what superusers and Sales cannot reach without it."""

import re

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from bookings.models import Booking
from tests.apiwise.test_platform import production_setting
from tests.helpers import STAFF_PASSWORD, log_in_with_second_factor, make_booking
from tests.staff.conftest import sign_in

pytestmark = pytest.mark.django_db

BOOKINGS_URL = "/admin/bookings/requests/"
SETUP_URL = "/admin/two-factor/"
VERIFY_URL = "/admin/two-factor/verify/"


def code_now(device):
    """The 6-digit code the authenticator app shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code(device):
    return f"{(int(code_now(device)) + 1) % 1_000_000:06d}"


def with_app(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def test_a_sales_user_without_a_second_factor_cannot_reach_the_booking_views(client, sales_user):
    make_booking()
    booking = Booking.objects.get()
    client.force_login(sales_user)  # the password alone
    for url in (
        BOOKINGS_URL,
        f"{BOOKINGS_URL}?export=csv",
        f"{BOOKINGS_URL}inspect/{booking.pk}/",
        "/admin/bookings/privacy/",
        "/admin/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(f"{SETUP_URL}?next="), url
        assert booking.company not in response.content.decode()


def test_staff_set_up_an_app_and_get_recovery_codes_once(client, sales_user):
    client.force_login(sales_user)
    page = client.get(client.get(BOOKINGS_URL).url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "must use two-factor sign-in" in html
    assert "<svg" in html and "QR code for your authenticator app" in html
    device = TOTPDevice.objects.get(user=sales_user, confirmed=False)
    secret = re.search(r"<code>([A-Z2-7]+)</code>", html).group(1)
    assert len(secret) == 32  # the key, for typing in by hand

    response = client.post(SETUP_URL, {"code": code_now(device), "next": BOOKINGS_URL})
    html = response.content.decode()
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", html)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "They are shown only now" in html
    assert f'href="{BOOKINGS_URL}"' in html
    device.refresh_from_db()
    assert device.confirmed

    # The session is verified: the booking views open. The codes are never shown again.
    assert client.get(BOOKINGS_URL).status_code == 200
    again = client.get(SETUP_URL).content.decode()
    assert "Two-factor sign-in is on" in again
    assert not any(code in again for code in codes)


def test_a_wrong_code_does_not_turn_it_on(client, sales_user):
    client.force_login(sales_user)
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=sales_user)
    response = client.post(SETUP_URL, {"code": wrong_code(device)})
    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(BOOKINGS_URL).status_code == 302


def test_signing_in_with_the_password_then_the_app_code(client, sales_user):
    device = with_app(sales_user)
    response = sign_in(client, "sam", STAFF_PASSWORD)
    assert response.status_code == 302
    held = client.get(BOOKINGS_URL)
    assert held.url == f"{VERIFY_URL}?next=%2Fadmin%2Fbookings%2Frequests%2F"
    page = client.get(held.url).content.decode()
    assert "Enter your sign-in code" in page and 'autocomplete="one-time-code"' in page

    response = client.post(VERIFY_URL, {"code": code_now(device), "next": BOOKINGS_URL})
    assert response.status_code == 302 and response.url == BOOKINGS_URL
    assert client.get(BOOKINGS_URL).status_code == 200


def test_the_code_page_sends_nobody_to_another_site(client, sales_user):
    device = with_app(sales_user)
    sign_in(client, "sam", STAFF_PASSWORD)
    response = client.post(
        VERIFY_URL, {"code": code_now(device), "next": "https://evil.example/admin/"}
    )
    assert response.status_code == 302 and response.url == "/admin/"


def test_a_wrong_sign_in_code_is_refused_with_a_message(client, sales_user):
    device = with_app(sales_user)
    sign_in(client, "sam", STAFF_PASSWORD)
    response = client.post(VERIFY_URL, {"code": wrong_code(device)})
    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert client.get(BOOKINGS_URL).status_code == 302
    for junk in ("", "x" * 200, "' OR 1=1 --"):
        assert client.post(VERIFY_URL, {"code": junk}).status_code == 400


def test_a_recovery_code_signs_in_once(client, sales_user):
    with_app(sales_user)
    recovery = StaticDevice.objects.create(user=sales_user, name="Recovery codes")
    recovery.token_set.create(token="abcd2345")

    sign_in(client, "sam", STAFF_PASSWORD)
    response = client.post(VERIFY_URL, {"code": "ABCD 2345"})  # as someone might type it
    assert response.status_code == 302
    assert client.get(BOOKINGS_URL).status_code == 200

    later = Client()
    sign_in(later, "sam", STAFF_PASSWORD)
    assert later.post(VERIFY_URL, {"code": "abcd2345"}).status_code == 400
    assert later.get(BOOKINGS_URL).status_code == 302


def test_editors_may_skip_it_but_once_set_up_it_is_asked_for(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert "Two-factor sign-in" in client.get("/admin/account/").content.decode()
    assert "optional for your account" in client.get(SETUP_URL).content.decode()

    with_app(editor)
    other = Client()
    other.force_login(editor)
    assert other.get("/admin/").url.startswith(VERIFY_URL)


def test_superusers_must_use_it_too(client, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", "boss@apiwise.example", "pw")
    client.force_login(boss)
    assert client.get("/admin/").url.startswith(SETUP_URL)


def test_a_superuser_resets_a_lost_phone_and_the_user_sets_it_up_again(admin_client, sales_user):
    sales = Client()
    log_in_with_second_factor(sales, sales_user)
    assert sales.get(BOOKINGS_URL).status_code == 200

    page = admin_client.get("/admin/sign-in-security/").content.decode()
    assert "Reset two-factor for sam" in page
    admin_client.post(f"/admin/sign-in-security/reset-two-factor/{sales_user.pk}/")

    assert not TOTPDevice.objects.filter(user=sales_user).exists()
    assert sales.get(BOOKINGS_URL).url.startswith(SETUP_URL)
    entry = ModelLogEntry.objects.get(action="staff.reset_two_factor")
    assert entry.object_id == str(sales_user.pk) and entry.user.is_superuser


def test_only_superusers_reset_two_factor(client, editor, sales_user):
    with_app(sales_user)
    client.force_login(editor)
    client.post(f"/admin/sign-in-security/reset-two-factor/{sales_user.pk}/")
    assert TOTPDevice.objects.filter(user=sales_user).exists()


def test_the_local_make_run_account_is_exempt_only_where_the_settings_say(
    client, django_user_model, settings
):
    admin = django_user_model.objects.create_superuser("admin", "a@apiwise.example", "pw")
    settings.STAFF_2FA_EXEMPT_USERNAMES = ["admin"]  # what dev.py says
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200


@pytest.mark.slow  # starts Django in a process of its own
def test_production_exempts_nobody_whatever_the_environment_says():
    assert production_setting("STAFF_2FA_EXEMPT_USERNAMES", ADMIN_USERNAME="admin") == []
    assert production_setting("STAFF_2FA_REQUIRED") is True
