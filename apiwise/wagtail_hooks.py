"""Admin hooks for every page type: warnings on publish, and length counters for the fields
search engines cut short."""

from django.contrib import messages
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from apiwise.publish_checks import warnings_for


@hooks.register("after_publish_page")
def warn_about_the_published_page(request, page):
    for warning in warnings_for(page):
        messages.warning(request, f"“{page.title}” is published, but: {warning}")


@hooks.register("insert_editor_js")
def length_counters():
    return format_html('<script src="{}" defer></script>', static("js/admin-counters.js"))
