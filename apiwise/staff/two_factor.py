"""Two-factor sign-in for staff, on top of django-otp: who must have it, and the middleware
that holds the admin until a session has passed it.

After the password, a person with an authenticator app set up is sent to the code page; a
person who must have one (a superuser, or in a group in STAFF_2FA_REQUIRED_GROUPS) and has
none is sent to set one up. Until then every other admin page redirects there.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device

# Admin URLs a signed-in but unverified person may still open: signing in and out, the
# two-factor pages themselves, and what those pages load.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "staff_two_factor_verify",
    "staff_two_factor_setup",
}


def two_factor_required(user):
    if not settings.STAFF_2FA_REQUIRED or not user.is_authenticated:
        return False
    if user.get_username() in settings.STAFF_2FA_EXEMPT_USERNAMES:
        return False
    return (
        user.is_superuser
        or user.groups.filter(name__in=settings.STAFF_2FA_REQUIRED_GROUPS).exists()
    )


def _is_open(request):
    try:
        return resolve(request.path_info).url_name in OPEN_URL_NAMES
    except Resolver404:
        return True  # Wagtail answers 404 to unknown admin URLs; nothing to protect there


class StaffTwoFactorMiddleware:
    """After django_otp's OTPMiddleware (which gives request.user.is_verified())."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path_info.startswith(reverse("wagtailadmin_home"))
            and user.is_authenticated
            and not user.is_verified()
            and not _is_open(request)
        ):
            if user_has_device(user):
                return self._send_to("staff_two_factor_verify", request)
            if two_factor_required(user):
                return self._send_to("staff_two_factor_setup", request)
        return self.get_response(request)

    @staticmethod
    def _send_to(url_name, request):
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse(url_name)}?{query}")
