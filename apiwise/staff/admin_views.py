"""Sign-in security for superusers: lift a lockout, reset someone's two-factor sign-in."""

import logging

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user
from wagtail.admin.auth import permission_denied
from wagtail.log_actions import log

from apiwise.staff import lockout
from apiwise.staff.two_factor import two_factor_required

logger = logging.getLogger(__name__)


def _staff_rows():
    """Every active account with admin access, whether it must and does use two factors."""
    users = get_user_model().objects.filter(is_active=True).order_by("username")
    rows = []
    for user in users:
        if not (user.is_superuser or user.has_perm("wagtailadmin.access_admin")):
            continue
        rows.append(
            {
                "user": user,
                "required": two_factor_required(user),
                "enrolled": any(devices_for_user(user)),
            }
        )
    return rows


@never_cache
def security_overview(request):
    if not request.user.is_superuser:
        return permission_denied(request)
    return TemplateResponse(
        request,
        "staff/security_overview.html",
        {
            "page_title": "Sign-in security",
            "header_title": "Sign-in security",
            "lockouts": lockout.current_lockouts(),
            "cooloff_minutes": lockout.cooloff_minutes(),
            "staff": _staff_rows(),
        },
    )


def unlock(request):
    if not request.user.is_superuser:
        return permission_denied(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    kind = request.POST.get("kind")
    value = request.POST.get("value", "")
    if kind not in {"username", "address"} or not value:
        messages.error(request, "Choose a lockout to lift.")
    elif lockout.unlock(kind, value, by=request.user):
        messages.success(request, f"Unlocked {value}: they can sign in again.")
    else:
        messages.warning(request, f"{value} was not locked out.")
    return redirect(reverse("staff_security"))


def reset_two_factor(request, user_id):
    """Remove someone's authenticator app and recovery codes (a lost phone). If they must
    use two factors, they set a new app up at their next sign-in."""
    if not request.user.is_superuser:
        return permission_denied(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    target = get_object_or_404(get_user_model(), pk=user_id)
    for device in devices_for_user(target, confirmed=None):
        device.delete()
    # In the admin's history (Reports > Site history) as well as the server log.
    log(instance=target, action="staff.reset_two_factor", user=request.user)
    logger.warning(
        "Two-factor sign-in reset for %s by %s", target.get_username(), request.user.get_username()
    )
    messages.success(
        request,
        f"Two-factor sign-in reset for {target.get_username()}: "
        "they set up an authenticator app again at their next sign-in.",
    )
    return redirect(reverse("staff_security"))
