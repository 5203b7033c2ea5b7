"""What every blog page shares."""

from apiwise.blocks.faq import link_with_source
from apiwise.content_cache import cached
from apiwise.models import BasePage
from blog.queries import parent_url


class BlogPage(BasePage):
    """Guides, hubs, the guide index and the FAQ page."""

    class Meta:
        abstract = True

    def breadcrumb_ancestors(self):
        # When the guide index routed the request here, it is the only ancestor: no query.
        index_page = getattr(self, "_guide_index", None)
        if index_page is not None:
            return [index_page] if index_page.live else []
        return super().breadcrumb_ancestors()

    def guides_url(self):
        """The guide index's address, without a query: guides and hubs sit right below it."""
        return parent_url(self.url)

    def feed_url(self):
        return self.guides_url() + "feed/"

    def booking_link(self, request):
        """Where the page's booking prompts lead, as (address, page title): the site's
        default call to action page, if it is live (else the page shows no prompt)."""
        settings = self.site_settings(request)

        def build():
            target = settings.default_cta_page
            if target is None or not target.live:
                return ()
            return (link_with_source(target, self), target.title)

        # Kept with the content version: listings are not cached whole, and a page view should
        # not read the target page each time.
        return cached(f"booking-link:{settings.pk}:{self.pk}", build)
