from django import template
from django.utils.safestring import mark_safe

from apiwise.seo import absolute_url

register = template.Library()


@register.filter
def meta_title(page, request):
    return page.meta_title(request)


@register.filter
def meta_description(page, request):
    return page.meta_description(request)


@register.filter
def social_image(page, request):
    return page.social_image_or_default(request)


@register.filter
def absolute(path, request):
    """A path as an absolute URL on the site's canonical root, as canonical links use."""
    return absolute_url(request, path)


@register.filter
def json_ld(page, request):
    return page.json_ld(request)


@register.simple_tag(takes_context=True)
def site_menu(context, menu):
    """The links of a menu ("main" or "footer") edited in Settings > Navigation."""
    from wagtail.models import Site

    from apiwise.models import NavigationSettings

    site = Site.find_for_request(context["request"])
    return NavigationSettings.links(site, menu) if site else []


@register.simple_tag(takes_context=True)
def current_section(context, url):
    """aria-current for the menu item whose section the visitor is in."""
    request = context.get("request")
    if not request or not url:
        return ""
    path = request.path
    if path == url:
        return mark_safe(' aria-current="page"')  # noqa: S308 - constant
    if url != "/" and path.startswith(url):
        return mark_safe(' aria-current="true"')  # noqa: S308 - constant
    return ""
