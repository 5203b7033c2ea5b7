"""One home for page metadata: titles, descriptions, social images, breadcrumbs and JSON-LD.

Every page model mixes this in; templates/base.html renders what it returns. Page types refine
it by overriding `meta_description_fallback`, `social_image` and `extra_json_ld`.
"""

import html
import json

from django.utils.html import strip_tags

META_DESCRIPTION_LENGTH = 160
# Search engines show about 60 characters of a title: the site's name is added when it fits.
META_TITLE_LENGTH = 60


def plain_text(rich_text, limit=META_DESCRIPTION_LENGTH):
    """Rich text to one line of plain text. Cut to `limit` characters, it ends on a whole
    word and an ellipsis, never mid-word.

    Plain text, not HTML: rich text keeps `<`, `&` and quotes as entities (`&lt;`), which
    strip_tags leaves be; they are turned back into characters here, once, and templates
    escape them again as they render (else search snippets would show `&lt;`)."""
    text = " ".join(html.unescape(strip_tags(str(rich_text or ""))).split())
    if not limit or len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return cut + "…"


def absolute_url(request, path):
    """An absolute URL on the site's canonical root (the Wagtail Site), not the Host header."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return root + path


def json_ld_script(data):
    """Serialise JSON-LD safely for a <script> element (no `</script>` break-out)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def faq_json_ld(items):
    """FAQPage JSON-LD for FAQ items (question, rich-text answer), wherever FAQs appear."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": item["question"],
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": plain_text(item["answer"], limit=None),
                },
            }
            for item in items
        ],
    }


class SeoMixin:
    """Metadata for a page. The page provides `site_settings(request)` (apiwise's BasePage
    does), so this module needs no model."""

    def meta_title(self, request, title=None):
        """The page's title (or `title`), with the site's name when it fits in 60 characters
        and is not already there."""
        name = self.site_settings(request).organisation_name
        title = title or self.seo_title or self.title
        full = f"{title} | {name}"
        if name.casefold() in title.casefold() or len(full) > META_TITLE_LENGTH:
            return title
        return full

    def meta_description_fallback(self):
        """The page's own summary, used when the editor left search_description empty."""
        return ""

    def meta_description(self, request):
        text = self.search_description or self.meta_description_fallback()
        return plain_text(text) or self.site_settings(request).default_meta_description

    def social_image(self):
        return None

    def social_image_or_default(self, request):
        return self.social_image() or self.site_settings(request).default_social_image

    def breadcrumb_ancestors(self):
        """The live pages between the site's home page and this one."""
        return self.get_ancestors().filter(depth__gt=2).live()

    def breadcrumbs(self):
        """Ancestors below the site root, then this page: [(title, url), ...]. Rendered twice
        (the visible trail and JSON-LD), so looked up once."""
        if getattr(self, "_breadcrumbs", None) is None:
            self._breadcrumbs = [(page.title, page.url) for page in self.breadcrumb_ancestors()]
            self._breadcrumbs.append((self.title, self.url))
        return self._breadcrumbs

    def breadcrumb_json_ld(self, request):
        crumbs = self.breadcrumbs()
        root = absolute_url(request, "/")
        items = [{"@type": "ListItem", "position": 1, "name": "Home", "item": root}]
        for position, (title, url) in enumerate(crumbs, start=2):
            items.append(
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": title,
                    "item": absolute_url(request, url),
                }
            )
        return {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": items,
        }

    def extra_json_ld(self, request):
        """JSON-LD objects specific to the page type (Article, FAQPage, Organization...)."""
        return []

    def json_ld(self, request):
        blocks = list(self.extra_json_ld(request))
        if self.depth > 2:
            blocks.append(self.breadcrumb_json_ld(request))
        return [json_ld_script(block) for block in blocks]
