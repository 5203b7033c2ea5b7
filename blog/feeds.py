"""The RSS feed of the newest guides, at /guides/feed/ (routed by the guide index)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone

from apiwise.seo import absolute_url

FEED_ITEMS = 20


class GuideFeed(Feed):
    language = "en-gb"

    def get_object(self, request, index_page):
        # Links are absolute on the site's canonical root (the Wagtail Site), not the Host
        # header, as every other canonical link on the site.
        self.request = request
        self.organisation = index_page.site_settings(request).organisation_name
        return index_page

    def title(self, index_page):
        return f"{self.organisation}: {index_page.title}"

    def link(self, index_page):
        return absolute_url(self.request, index_page.url)

    def feed_url(self, index_page):
        return absolute_url(self.request, index_page.url + index_page.reverse_subpage("feed"))

    def description(self, index_page):
        return index_page.intro or f"Plain-English guides from {self.organisation}."

    def items(self, index_page):
        return (
            index_page.guides()
            .defer_streamfields()
            .prefetch_related("topics", "authors")[:FEED_ITEMS]
        )

    def item_title(self, guide):
        return guide.title

    def item_description(self, guide):
        return guide.summary

    def item_link(self, guide):
        return absolute_url(self.request, guide.url)

    def item_pubdate(self, guide):
        return timezone.make_aware(datetime.combine(guide.date, time(9)))

    def item_updateddate(self, guide):
        return guide.last_published_at

    def item_author_name(self, guide):
        return ", ".join(author.name for author in guide.authors.all()) or self.organisation

    def item_categories(self, guide):
        return [topic.name for topic in guide.topics.all()]
