"""What a caching proxy or CDN (WAGTAILFRONTENDCACHE) is told to forget when a page changes.

Wagtail purges the page itself on publish and unpublish. The pages that list it change too:
its ancestors (the guide index, the home page's latest guides), the series it is part of, the
guides feed and the sitemap. They are purged here, so the next visitor sees them fresh rather
than waiting for the shared cache's s-maxage to run out."""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import PurgeBatch


def pages_listing(page):
    """The live pages whose lists show `page`."""
    listing = list(page.get_ancestors().filter(depth__gt=1).live().specific())
    memberships = getattr(page.specific, "series_memberships", None)
    if memberships is not None:
        listing += [item.hub for item in memberships.select_related("hub") if item.hub.live]
    return listing


def purge_listings(sender=None, instance=None, **kwargs):
    """page_published / page_unpublished / post_page_move receiver."""
    if not settings.WAGTAILFRONTENDCACHE or instance is None:
        return
    site = instance.get_site()
    if site is None:
        return
    listing = pages_listing(instance)
    feeds = {page.feed_url() for page in listing if hasattr(page, "feed_url")}
    batch = PurgeBatch()
    batch.add_pages(listing)
    batch.add_urls(sorted(f"{site.root_url}{path}" for path in {"/sitemap.xml", *feeds}))
    batch.purge()


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(purge_listings, dispatch_uid=f"edge_purge_listings_{id(signal)}")
