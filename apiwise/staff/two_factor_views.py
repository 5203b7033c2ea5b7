"""The two-factor pages every staff member sees: the code after the password, and setting
up an authenticator app (with recovery codes, shown once)."""

import base64
import logging

import segno
from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user, user_has_device, verify_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from apiwise.staff.two_factor import two_factor_required

logger = logging.getLogger(__name__)

APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        help_text="The 6-digit code your authenticator app shows now, or one recovery code.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_code(self):
        # People type "123 456" as the app shows it; recovery codes are lower case.
        return "".join(self.cleaned_data["code"].split()).lower()


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _device_accepting(user, code):
    """The user's device that accepts this code (an app code, or an unused recovery code,
    which is then used up), or None. django-otp slows down each device after wrong codes."""
    for device in devices_for_user(user):
        if verify_token(user, device.persistent_id, code):
            return device
    return None


def new_recovery_codes(user):
    """Replace the user's recovery codes with a fresh set, and return them (to show once)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.STAFF_2FA_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _qr_svg(url):
    """The otpauth:// URL as an inline SVG QR code (no image file, nothing to cache), named
    for screen readers: the key is also shown as text for anyone who cannot scan it."""
    svg = segno.make(url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", title="QR code for your authenticator app"
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)


def _render(request, template, context, status=200):
    return TemplateResponse(request, template, context, status=status)


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """Second step of signing in: a code from the app, or a recovery code."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    if user.is_verified() or not user_has_device(user):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = _device_accepting(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                logger.info("%s signed in with a recovery code (%s left)", user, left)
            return redirect(_next_url(request))
        logger.info("Wrong two-factor code for %s", user.get_username())
        form.add_error(
            "code",
            "That code is not right. Use the code your app shows now (check the time on your "
            "phone), or a recovery code you have not used. After several wrong codes each "
            "next try must wait a little longer.",
        )
    status = 400 if form.errors else 200
    return _render(
        request, "staff/two_factor_verify.html", {"form": form, "next": _next_url(request)}, status
    )


@never_cache
@sensitive_post_parameters("code")
def setup(request):
    """Set up an authenticator app; once set up, the page offers new recovery codes."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        return redirect(f"{reverse('staff_two_factor_verify')}?next={request.path}")
    context = {
        "page_title": "Two-factor sign-in",
        "header_title": "Two-factor sign-in",
        "required": two_factor_required(user),
        "next": _next_url(request),
    }
    app = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if app is not None:
        if request.method == "POST" and request.POST.get("action") == "new_recovery_codes":
            context["codes"] = new_recovery_codes(user)
            logger.info("%s made new recovery codes", user.get_username())
            return _render(request, "staff/recovery_codes.html", context)
        return _render(request, "staff/two_factor_status.html", context)

    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if pending is None:
        pending = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if pending.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                pending.confirmed = True
                pending.save(update_fields=["confirmed"])
                context["codes"] = new_recovery_codes(user)
            otp_login(request, pending)
            logger.info("%s set up two-factor sign-in", user.get_username())
            return _render(request, "staff/recovery_codes.html", context)
        form.add_error(
            "code",
            "That code is not right. Scan the QR code again or type the key, and enter the "
            "code the app shows now.",
        )
    context.update(
        form=form,
        qr_svg=_qr_svg(pending.config_url),
        secret=base64.b32encode(pending.bin_key).decode(),
    )
    return _render(
        request, "staff/two_factor_setup.html", context, status=400 if form.errors else 200
    )
