"""The guide index at /guides/: every guide, a topic filter, pagination and the RSS feed."""

from urllib.parse import urlencode

from django.db import models
from django.db.models import Max
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from apiwise.content_cache import cache_per_content_version
from apiwise.query_params import declare_query
from apiwise.seo import plain_text
from blog.models.base import BlogPage
from blog.models.guide import ArticlePage
from blog.models.taxonomy import Topic
from blog.queries import paginate_listing

GUIDES_PER_PAGE = 6


class GuideIndexPage(RoutablePageMixin, BlogPage):
    intro = models.TextField(
        max_length=400, blank=True, help_text="One or two sentences under the heading."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["apiwise.HomePage"]
    subpage_types = ["blog.ArticlePage", "blog.SeriesHubPage"]
    max_count = 1

    class Meta:
        verbose_name = "guide index"

    def meta_description_fallback(self):
        return self.intro

    def guides_url(self):
        return self.url

    def guides(self):
        return ArticlePage.objects.listed().descendant_of(self)

    def route(self, request, path_components):
        # A guide is looked up as a guide directly (one query rather than two), and learns its
        # index page so its breadcrumbs need no query. What else its page shows is fetched
        # only when its cached rendering is missing.
        if path_components:
            guide = (
                ArticlePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("hero_image", "social_card")
                .first()
            )
            if guide is not None:
                guide._guide_index = self
                return guide.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        # Before anything else: the cached copy of each topic and page number is its own.
        declare_query(request, "topic", "page")
        context = super().get_context(request, *args, **kwargs)
        guides = self.guides()
        topic = None
        slug = request.GET.get("topic", "").strip()
        if slug:
            topic = Topic.objects.filter(slug=slug[:60]).first()
            if topic is None:
                raise Http404("No such topic")
            guides = guides.filter(topics=topic)
        key = f"guide-index:{self.pk}:{topic.pk if topic else ''}"
        page_obj = paginate_listing(request, key, guides, GUIDES_PER_PAGE)
        context.update(
            guides=page_obj.object_list,
            page_obj=page_obj,
            topic=topic,
            topics=Topic.objects.all(),
            # A topic's page invites its readers to book, as a guide does.
            booking_link=self.booking_link(request) if topic else (),
            **self.listing_seo(request, topic, page_obj.number),
        )
        return context

    def listing_seo(self, request, topic, number):
        """A topic, or a later page, is its own address with its own title and description,
        not a copy of /guides/."""
        if not topic and number == 1:
            return {}
        params = [("topic", topic.slug)] if topic else []
        title = f"{topic.name} guides" if topic else self.seo_title or self.title
        description = topic.page_introduction() if topic else self.meta_description(request)
        if number > 1:
            params.append(("page", number))
            title = f"{title} (page {number})"
            description = f"Page {number}. {description}"
        return {
            "canonical_url": f"{self.full_url}?{urlencode(params)}",
            "meta_title": self.meta_title(request, title=title),
            "meta_description": plain_text(description),
            "og_title": title,
        }

    def get_sitemap_urls(self, request=None):
        """The index, and each topic that has guides: topic pages are pages of their own."""
        urls = super().get_sitemap_urls(request)
        listed = self.guides().order_by()
        newest = {
            topic_id: published
            for topic_id, published in listed.values("topics")
            .annotate(newest=Max("last_published_at"))
            .values_list("topics", "newest")
            if topic_id
        }
        for topic in Topic.objects.filter(pk__in=newest):
            urls.append(
                {"location": f"{self.full_url}?topic={topic.slug}", "lastmod": newest[topic.pk]}
            )
        return urls

    @path("feed/", name="feed")
    def feed(self, request):
        """RSS 2.0 feed of the newest guides."""
        from blog.feeds import GuideFeed

        # Like the sitemap, a list of public URLs kept until the content changes.
        return cache_per_content_version(GuideFeed())(request, index_page=self)
