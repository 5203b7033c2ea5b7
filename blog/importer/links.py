"""Links in an imported document: a link to a page of this site becomes a Wagtail page link
(`<a linktype="page" id="…">`), which follows the page when it moves or is renamed; any other
web or e-mail address stays as it is. A page is found by its URL path under the root of the
site its host names (or the guide index's site, for a relative link), so no request is needed.
"""

from urllib.parse import parse_qs, urlsplit, urlunsplit

from django.conf import settings
from wagtail.models import Page, Site

GOOGLE_REDIRECT_HOSTS = {"google.com", "www.google.com"}


def bare_host(host):
    host = (host or "").lower().rstrip(".")
    return host.removeprefix("www.")


def unwrap_google_redirect(href):
    """Google Docs exports links as https://www.google.com/url?q=REAL&sa=D&…."""
    parts = urlsplit(href)
    if parts.hostname in GOOGLE_REDIRECT_HOSTS and parts.path == "/url":
        query = parse_qs(parts.query)
        real = (query.get("q") or query.get("url") or [""])[0]
        if real:
            return real
    return href


class LinkResolver:
    """Called with an href: ("page", id), ("url", href) or None (drop the link, keep its
    text). Collects a note for each link that needs a look."""

    def __init__(self, site):
        self.site = site
        self.notes = []
        self.sites = {bare_host(s.hostname): s for s in Site.objects.select_related("root_page")}
        admin_host = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").hostname
        if site is not None and admin_host:
            self.sites.setdefault(bare_host(admin_host), site)
        self.cache = {}

    def __call__(self, href, text=""):
        href = unwrap_google_redirect((href or "").strip())
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        if scheme == "mailto":
            return ("url", href)
        if scheme not in ("", "http", "https"):
            self.note(
                f"The link “{text}” ({href[:80]}) was removed: only web and e-mail "
                "addresses can be links."
            )
            return None
        if not parts.netloc and not parts.path.startswith("/"):
            # "#heading" (Word bookmarks, footnotes) or "file.html": nothing to point at.
            return None
        site = self.site if not parts.netloc else self.sites.get(bare_host(parts.hostname))
        if site is not None:
            page = self.page_at(site, parts.path)
            if page is not None and not parts.query and not parts.fragment:
                return ("page", page.pk)
            if not parts.netloc:  # relative: make it absolute on this site
                href = site.root_url + urlunsplit(("", "", *parts[2:]))
            if page is None:
                self.note(
                    f"The link to {href} matches no page on this site: it was kept as a "
                    "web address. Check it, or choose the right page."
                )
        if not urlsplit(href).netloc:
            return None
        return ("url", href)

    def page_at(self, site, path):
        path = "/" + path.strip("/") + "/" if path.strip("/") else "/"
        key = (site.pk, path)
        if key not in self.cache:
            url_path = site.root_page.url_path.rstrip("/") + path
            self.cache[key] = Page.objects.filter(url_path=url_path).only("pk").first()
        return self.cache[key]

    def note(self, message):
        if message not in self.notes:
            self.notes.append(message)
