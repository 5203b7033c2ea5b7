"""What every blog page shares."""

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
