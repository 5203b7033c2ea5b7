"""The site's public address (settings.SITE_URL, e.g. https://apiwise.example) in Wagtail's
Site record, which builds every absolute address: the sitemap, canonical links, feeds and
social cards. The demo loader points the Site at 127.0.0.1:8000 for `make run`; served
anywhere else with that record, the sitemap would list http://127.0.0.1:8000/... addresses.

`manage.py configure_site` (run at every deploy, after migrate) writes SITE_URL into the
default Site; the deploy check (`manage.py check --deploy --database default`) says so when
SITE_URL is missing or local, or the Site record does not match it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

LOOPBACK = {"127.0.0.1", "localhost", "::1", "0.0.0.0", ""}  # noqa: S104 - names, not a bind


def hostname_and_port(url):
    parts = urlsplit(url)
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)


def apply_site_url(url=None):
    """Point the default Site at `url` (SITE_URL by default). Returns the Site, or None when
    there is no address to apply or no default Site yet."""
    from wagtail.models import Site

    url = url or settings.SITE_URL
    site = Site.objects.filter(is_default_site=True).first()
    if not url or site is None:
        return None
    hostname, port = hostname_and_port(url)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()  # moves the content version on: cached pages name the new address
    return site


@checks.register(checks.Tags.security, deploy=True)
def check_site_url(app_configs=None, databases=None, **kwargs):
    hostname, _port = hostname_and_port(settings.SITE_URL)
    if hostname in LOOPBACK:
        return [
            checks.Warning(
                "SITE_URL is not set to the site's public address.",
                hint="Set SITE_URL (e.g. https://apiwise.example) and run "
                "`manage.py configure_site` after migrate: the sitemap, canonical links and "
                "feeds are built from it.",
                id="apiwise.W001",
            )
        ]
    if not databases:
        return []
    from django.db import DatabaseError
    from wagtail.models import Site

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return []
    if site is not None and (site.hostname, site.port) != hostname_and_port(settings.SITE_URL):
        return [
            checks.Error(
                f"The default Site is {site.hostname}:{site.port}, not SITE_URL "
                f"({settings.SITE_URL}): the sitemap and canonical links name that address.",
                hint="Run `manage.py configure_site`.",
                id="apiwise.E001",
            )
        ]
    return []
