"""Admin hooks for every page type: warnings on publish, and length counters for the fields
search engines cut short."""

from django.contrib import messages
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from apiwise.launch_panel import LaunchChecksPanel
from apiwise.publish_checks import message_after_publishing


@hooks.register("after_publish_page")
def warn_about_the_published_page(request, page):
    message = message_after_publishing(page)
    if message:
        messages.warning(request, message)


@hooks.register("insert_editor_js")
def length_counters():
    return format_html('<script src="{}" defer></script>', static("js/admin-counters.js"))


@hooks.register("insert_editor_js")
def autosave_guard():
    # Works around two races in Wagtail 8's autosave (see the script).
    return format_html('<script src="{}" defer></script>', static("js/admin-autosave-guard.js"))


@hooks.register("construct_homepage_panels")
def launch_checks_panel(request, panels):
    # Most placeholders live in settings only superusers may change.
    if request.user.is_superuser:
        panels.append(LaunchChecksPanel())
