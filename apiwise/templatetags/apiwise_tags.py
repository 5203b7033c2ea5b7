from django import template

from apiwise.seo import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def seo_meta(context):
    """The page's title, description and sharing title. A view may refine them for what it
    shows (a topic, a later page of a list) with meta_title, meta_description and og_title in
    the context."""
    page, request = context.get("page"), context.get("request")
    if page is None or not hasattr(page, "meta_title"):
        from apiwise.models import SiteSettings

        site = SiteSettings.for_request(request) if request else None
        name = site.organisation_name if site else "APIwise"
        return {
            "title": context.get("meta_title") or name,
            "description": context.get("meta_description")
            or (site.default_meta_description if site else ""),
            "og_title": context.get("og_title") or name,
        }
    return {
        "title": context.get("meta_title") or page.meta_title(request),
        "description": context.get("meta_description") or page.meta_description(request),
        "og_title": context.get("og_title") or page.seo_title or page.title,
    }


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
    """The links of a menu ("main" or "footer") edited in Settings > Navigation, each with
    its aria-current: "page" on the page itself, "true" in its section. Only the deepest
    matching item is current (on the API basics hub, not "Guides" as well)."""
    from wagtail.models import Site

    from apiwise.models import NavigationSettings

    request = context["request"]
    site = Site.find_for_request(request)
    links = NavigationSettings.links(site, menu) if site else []
    path = request.path
    section = max(
        (link.url for link in links if link.url != "/" and path.startswith(link.url)),
        key=len,
        default=None,
    )
    return [
        (link, "page" if link.url == path else "true" if link.url == section else "")
        for link in links
    ]


@register.filter
def one_line(text):
    """An address typed one line per row, as one line: "1 Example Street, London"."""
    return ", ".join(line.strip() for line in str(text or "").splitlines() if line.strip())


# Hook name: each function registered under it takes (request, page) and returns HTML for a
# section of the home page ("" for none). Apps that the core must not import (the guides'
# case studies) add their sections this way.
HOME_PAGE_SECTIONS = "apiwise_home_page_sections"


@register.simple_tag(takes_context=True)
def home_page_sections(context):
    from django.utils.safestring import mark_safe
    from wagtail import hooks

    request, page = context.get("request"), context.get("page")
    parts = [section(request, page) for section in hooks.get_hooks(HOME_PAGE_SECTIONS)]
    return mark_safe("".join(str(part) for part in parts if part))  # noqa: S308 - templates' own HTML
