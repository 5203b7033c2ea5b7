"""Admin URLs and menu items for staff sign-in security."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from apiwise.staff import admin_views, two_factor_views


@hooks.register("register_log_actions")
def register_staff_log_actions(actions):
    actions.register_action(
        "staff.reset_two_factor", "Reset two-factor sign-in", "Reset two-factor sign-in"
    )


@hooks.register("register_admin_urls")
def register_staff_security_urls():
    return [
        path("two-factor/", two_factor_views.setup, name="staff_two_factor_setup"),
        path("two-factor/verify/", two_factor_views.verify, name="staff_two_factor_verify"),
        path("sign-in-security/", admin_views.security_overview, name="staff_security"),
        path("sign-in-security/unlock/", admin_views.unlock, name="staff_unlock"),
        path(
            "sign-in-security/reset-two-factor/<int:user_id>/",
            admin_views.reset_two_factor,
            name="staff_reset_two_factor",
        ),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_security_menu_item():
    return SuperuserMenuItem(
        "Sign-in security", reverse("staff_security"), icon_name="lock", order=900
    )


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("staff_two_factor_setup"),
        "label": "Two-factor sign-in",
        "help_text": "Set up an authenticator app, or make new recovery codes.",
    }
