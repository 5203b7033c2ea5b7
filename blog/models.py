"""Guides: the guide index, guides (ArticlePage), series hubs, the FAQ page, authors and topics."""

from datetime import datetime, time
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.lookups import StartsWith
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from apiwise.csp import preview_csp
from apiwise.models import BasePage
from apiwise.seo import absolute_url, faq_json_ld, plain_text
from blog.blocks import ArticleBodyBlock, FaqSectionsBlock, faq_items
from blog.reading_time import reading_time
from blog.rich_text import page_link_urls, strings_in

GUIDES_PER_PAGE = 12
RELATED_GUIDES = 6
FEED_ITEMS = 20
SHORT_TEXT_FEATURES = ["bold", "italic", "link"]


# Snippets ------------------------------------------------------------------------------------


@register_snippet
class Topic(index.Indexed, models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(
        max_length=60,
        unique=True,
        help_text="Used in shareable links such as /guides/?topic=xero. Avoid changing it.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Author(index.Indexed, models.Model):
    name = models.CharField(max_length=100)
    role = models.CharField(max_length=100, blank=True, help_text="E.g. “Integration lead”.")
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = models.TextField(max_length=600, blank=True, help_text="Two or three sentences.")

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo"), FieldPanel("bio")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


# Shared helpers ------------------------------------------------------------------------------


def parent_url(url):
    """'/guides/some-guide/' -> '/guides/'."""
    trimmed = (url or "/").rstrip("/")
    return trimmed.rsplit("/", 1)[0] + "/" if "/" in trimmed else "/"


def public_q(prefix=""):
    """Pages outside any restricted (private) section, as a subquery: no extra query."""
    restricted = PageViewRestriction.objects.filter(
        StartsWith(OuterRef(f"{prefix}path"), F("page__path"))
    )
    return ~Exists(restricted)


def guide_cards(queryset):
    """What a guide card needs, in a fixed number of queries: image and its renditions,
    and topics."""
    return queryset.select_related("hero_image").prefetch_related(
        "hero_image__renditions", "topics"
    )


def live_guides():
    return ArticlePage.objects.live().filter(public_q()).order_by("-date", "-pk")


class UniqueInlineForm(WagtailAdminPageForm):
    """Admin form that refuses the same choice twice in an inline list."""

    unique_inlines = {}  # formset name -> (field name, message with {title})

    def clean(self):
        cleaned_data = super().clean()
        for formset_name, (field, message) in self.unique_inlines.items():
            formset = self.formsets.get(formset_name)
            if formset is None:
                continue
            formset.is_valid()  # so each row has cleaned_data
            seen = set()
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                chosen = data.get(field)
                if chosen is None or data.get("DELETE"):
                    continue
                if chosen.pk in seen:
                    text = message.format(title=chosen.title)
                    form.add_error(field, text)
                    self.add_error(None, text)
                seen.add(chosen.pk)
        return cleaned_data


class BlogPage(BasePage):
    """Shared behaviour for the blog's page types."""

    class Meta:
        abstract = True

    def breadcrumb_ancestors(self):
        # When the guide index routed the request here, it is the only ancestor: no query.
        index_page = getattr(self, "_guide_index", None)
        if index_page is not None:
            return [index_page] if index_page.live else []
        return super().breadcrumb_ancestors()

    def get_view_restrictions(self):
        """Restrictions on this page or its ancestors in one query (Wagtail's takes two). As in
        Wagtail, an alias among the ancestors takes its source page's restrictions."""
        if self.alias_of_id or not self.path:
            return super().get_view_restrictions()
        paths = [self.path[: n * self.steplen] for n in range(1, self.depth + 1)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
        ).distinct()

    def rich_text_sources(self):
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rich_text_links"] = page_link_urls(*self.rich_text_sources())
        return context

    def guides_url(self):
        """The guide index's address, without a query: guides and hubs sit right below it."""
        if isinstance(self, GuideIndexPage):
            return self.url
        return parent_url(self.url)

    def feed_url(self):
        return self.guides_url() + "feed/"


# Guide index ---------------------------------------------------------------------------------


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

    def guides(self):
        return live_guides().descendant_of(self)

    def serve_preview(self, request, mode_name):
        # RoutablePageMixin's serve_preview comes first in the MRO: keep the preview policy.
        return preview_csp(super().serve_preview)(request, mode_name)

    def route(self, request, path_components):
        # A guide is looked up as a guide directly (one query rather than two), and learns
        # its index page so its breadcrumbs need no query.
        if path_components:
            guide = (
                ArticlePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("hero_image")
                .first()
            )
            if guide is not None:
                guide._guide_index = self
                return guide.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guides = self.guides()
        topic = None
        slug = request.GET.get("topic", "").strip()
        if slug:
            topic = Topic.objects.filter(slug=slug[:60]).first()
            if topic is None:
                raise Http404("No such topic")
            guides = guides.filter(topics=topic)
        page_obj = paginate(request, guide_cards(guides), GUIDES_PER_PAGE)
        # Each filtered or later page is its own canonical address, not a copy of /guides/.
        params = []
        if topic:
            params.append(("topic", topic.slug))
        if page_obj.number > 1:
            params.append(("page", page_obj.number))
        query = urlencode(params)
        if query:
            context["canonical_url"] = f"{self.full_url}?{query}"
        context.update(
            guides=page_obj.object_list,
            page_obj=page_obj,
            topic=topic,
            topics=Topic.objects.all(),
        )
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        """RSS 2.0 feed of the newest guides."""
        org = self.site_settings(request).organisation_name
        link = absolute_url(request, self.url)
        feed = Rss201rev2Feed(
            title=f"{org}: {self.title}",
            link=link,
            description=self.intro or f"Plain-English guides from {org}.",
            language="en-gb",
            feed_url=absolute_url(request, self.url + self.reverse_subpage("feed")),
        )
        guides = self.guides().prefetch_related("topics", "authors")[:FEED_ITEMS]
        for guide in guides:
            guide_link = absolute_url(request, guide.url)
            authors = ", ".join(author.name for author in guide.authors.all())
            feed.add_item(
                title=guide.title,
                link=guide_link,
                description=guide.summary,
                pubdate=timezone.make_aware(datetime.combine(guide.date, time(9))),
                updateddate=guide.last_published_at,
                unique_id=guide_link,
                author_name=authors or org,
                categories=[topic.name for topic in guide.topics.all()],
            )
        response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
        feed.write(response, "utf-8")
        return response


def paginate(request, items, per_page):
    """A page of items. Junk page numbers are a 404; beyond the end gives the last page."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1").strip() or "1"
    if not raw.isdigit() or len(raw) > 6:
        if raw.isdigit():  # absurdly large: the last page
            return paginator.page(paginator.num_pages)
        raise Http404("Page not found")
    number = int(raw)
    if number < 1:
        raise Http404("Page not found")
    return paginator.page(min(number, paginator.num_pages))


# Guides --------------------------------------------------------------------------------------


class ArticlePageForm(UniqueInlineForm):
    unique_inlines = {
        "related_links": ("guide", "“{title}” is already in the related guides. Choose it once."),
    }

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("related_links")
        if formset is not None and self.instance.pk:
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                guide = data.get("guide")
                if guide is not None and guide.pk == self.instance.pk and not data.get("DELETE"):
                    form.add_error("guide", "A guide cannot be related to itself.")
                    self.add_error(None, "A guide cannot be related to itself.")
        if cleaned_data.get("hero_image") and not cleaned_data.get("hero_image_alt"):
            self.add_error(
                "hero_image_alt", "Describe the hero image for people who cannot see it."
            )
        return cleaned_data


class ArticlePage(BlogPage):
    """A guide, at /guides/<slug>/."""

    summary = models.CharField(
        "standfirst",
        max_length=300,
        help_text="One or two sentences under the title. Also the summary on guide cards, "
        "in search results and in the feed.",
    )
    short_answer = RichTextField(
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text="“The short answer”: a few sentences shown first. Also used as the "
        "description for search engines when none is set.",
    )
    body = StreamField(ArticleBodyBlock(), help_text="The guide itself.")
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Also used when the guide is shared (1200×630 works best).",
    )
    hero_image_alt = models.CharField(
        "hero image alt text",
        max_length=200,
        blank=True,
        help_text="Describe the image for people who cannot see it.",
    )
    authors = ParentalManyToManyField(Author, blank=True, related_name="guides")
    topics = ParentalManyToManyField(Topic, blank=True, related_name="guides")
    date = models.DateField(
        "first published", default=timezone.localdate, help_text="Shown on the guide."
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When someone last checked the guide is still right."
    )
    reading_time = models.PositiveSmallIntegerField(
        "reading time (minutes)",
        default=1,
        editable=False,
        help_text="Worked out from the text when the guide is saved.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("short_answer"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading="Hero image"
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("last_reviewed")]),
                FieldPanel("authors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading="About this guide",
        ),
        InlinePanel(
            "related_links",
            heading="Related guides",
            label="Related guide",
            max_num=RELATED_GUIDES,
            help_text=f"Up to {RELATED_GUIDES}. If you choose fewer, guides sharing topics fill "
            "the rest, then the newest.",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("short_answer"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("date"),
    ]
    base_form_class = ArticlePageForm
    parent_page_types = ["blog.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "guide"

    # Computed content ----------------------------------------------------------------------

    def compute_reading_time(self):
        return reading_time(*self.body.stream_block.get_searchable_content(self.body))

    def clean(self):
        super().clean()
        self.reading_time = self.compute_reading_time()
        if self.hero_image_id and not self.hero_image_alt:
            raise ValidationError(
                {"hero_image_alt": "Describe the hero image for people who cannot see it."}
            )

    def save(self, *args, **kwargs):
        self.reading_time = self.compute_reading_time()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = [*update_fields, "reading_time"]
        return super().save(*args, **kwargs)

    def _load_topics_and_authors(self):
        """Topics and authors in one query (a UNION), however many there are."""
        blank = Value("", output_field=CharField())
        none = Value(None, output_field=IntegerField())
        topics = (
            Topic.objects.filter(guides__pk=self.pk)
            .annotate(kind=Value(0), role_=blank, bio_=blank, photo_=none)
            .values_list("kind", "pk", "name", "slug", "role_", "bio_", "photo_")
            .order_by()  # SQLite refuses ORDER BY inside a UNION's parts
        )
        authors = (
            Author.objects.filter(guides__pk=self.pk)
            .annotate(kind=Value(1), slug_=blank)
            .values_list("kind", "pk", "name", "slug_", "role", "bio", "photo_id")
            .order_by()
        )
        rows = sorted(topics.union(authors, all=True), key=lambda row: (row[0], row[2]))
        self._topics = [Topic(pk=r[1], name=r[2], slug=r[3]) for r in rows if r[0] == 0]
        self._authors = [
            Author(pk=r[1], name=r[2], role=r[4], bio=r[5], photo_id=r[6])
            for r in rows
            if r[0] == 1
        ]
        photo_ids = {author.photo_id for author in self._authors if author.photo_id}
        if photo_ids:
            images = get_image_model().objects.prefetch_related("renditions").in_bulk(photo_ids)
            for author in self._authors:
                author.photo = images.get(author.photo_id)

    @property
    def author_list(self):
        if getattr(self, "_authors", None) is None:
            self._load_topics_and_authors()
        return self._authors

    @property
    def topic_list(self):
        if getattr(self, "_topics", None) is None:
            self._load_topics_and_authors()
        return self._topics

    def rich_text_sources(self):
        return [self.short_answer, *strings_in(self.body.raw_data)]

    @cached_property
    def faqs(self):
        return list(faq_items(self.body))

    def table_of_contents(self):
        """The “On this page” list: each section heading and FAQ heading, with its anchor."""
        entries = []
        for child in self.body:
            if child.block_type == "heading" and child.value["level"] == "h2":
                entries.append((child.value["text"], child.value.anchor_id))
            elif child.block_type == "faq":
                entries.append((child.value["heading"], child.value.anchor_id))
        return entries

    def related_guides(self, limit=RELATED_GUIDES):
        """Staff's choices first, then guides sharing the most topics, then the newest.
        One query, however many are chosen."""
        chosen = RelatedGuide.objects.filter(page_id=self.pk, guide_id=OuterRef("pk"))
        chosen_rank = Subquery(chosen.order_by("sort_order", "pk").values("pk")[:1])
        chosen_sort = Subquery(chosen.order_by("sort_order", "pk").values("sort_order")[:1])
        own_topics = ArticlePage.topics.through.objects.filter(articlepage_id=self.pk).values(
            "topic_id"
        )
        candidates = ArticlePage.objects.live().filter(public_q()).exclude(pk=self.pk)
        candidates = (
            candidates.annotate(
                chosen_rank=chosen_rank,
                chosen_sort=chosen_sort,
                shared_topics=Count("topics", filter=Q(topics__in=own_topics), distinct=True),
            )
            .annotate(
                is_chosen=Case(
                    When(chosen_rank__isnull=False, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by(
                "is_chosen",
                F("chosen_sort").asc(nulls_last=True),
                "chosen_rank",
                "-shared_topics",
                "-date",
                "-pk",
            )
        )
        return list(candidates[:limit])

    def series_positions(self):
        """Each live series this guide is in: hub, part number, count, previous and next."""
        items = (
            SeriesItem.objects.filter(
                hub__in=SeriesItem.objects.filter(guide_id=self.pk).values("hub_id"),
                hub__live=True,
                guide__live=True,
            )
            .filter(public_q("hub__"), public_q("guide__"))
            .select_related("hub", "guide")
            .order_by("hub__path", "sort_order", "pk")
        )
        by_hub = {}
        for item in items:
            by_hub.setdefault(item.hub, [])
            if item.guide not in by_hub[item.hub]:
                by_hub[item.hub].append(item.guide)
        positions = []
        for hub, guides in by_hub.items():
            ids = [guide.pk for guide in guides]
            if self.pk not in ids:
                continue
            index_ = ids.index(self.pk)
            positions.append(
                {
                    "hub": hub,
                    "number": index_ + 1,
                    "total": len(guides),
                    "previous": guides[index_ - 1] if index_ > 0 else None,
                    "next": guides[index_ + 1] if index_ + 1 < len(guides) else None,
                }
            )
        return positions

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            related_guides=self.related_guides(),
            series=self.series_positions(),
            toc=self.table_of_contents(),
        )
        return context

    # SEO -----------------------------------------------------------------------------------

    def meta_description_fallback(self):
        return self.short_answer or self.summary

    def social_image(self):
        return self.hero_image

    def extra_json_ld(self, request):
        settings = self.site_settings(request)
        url = absolute_url(request, self.url)
        publisher = {
            "@type": "Organization",
            "name": settings.organisation_name,
            "url": absolute_url(request, "/"),
        }
        article = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": plain_text(self.summary, limit=None),
            "datePublished": self.date.isoformat(),
            "dateModified": (self.last_reviewed or self.date).isoformat(),
            "author": [
                {
                    "@type": "Person",
                    "name": author.name,
                    **({"jobTitle": author.role} if author.role else {}),
                }
                for author in self.author_list
            ]
            or [publisher],
            "publisher": publisher,
            "mainEntityOfPage": url,
            "url": url,
            "timeRequired": f"PT{self.reading_time}M",
        }
        if self.topic_list:
            article["keywords"] = ", ".join(topic.name for topic in self.topic_list)
        if self.hero_image:
            rendition = self.hero_image.get_rendition("fill-1200x630|format-jpeg")
            article["image"] = absolute_url(request, rendition.url)
        blocks = [article]
        if self.faqs:
            blocks.append(faq_json_ld(self.faqs))
        return blocks


class RelatedGuide(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    guide = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("guide", page_type="blog.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = "related guide"


# Series hubs ---------------------------------------------------------------------------------


class SeriesHubForm(UniqueInlineForm):
    unique_inlines = {
        "series_items": (
            "guide",
            "“{title}” is already in this series. A series can list each guide only once.",
        ),
    }


class SeriesHubPage(BlogPage):
    """A series of guides in reading order, e.g. the API basics hub."""

    intro = RichTextField(features=SHORT_TEXT_FEATURES + ["ul", "ol"], blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "series_items",
            heading="Guides in this series",
            label="Guide",
            min_num=1,
            help_text="In reading order: drag to reorder. Each guide shows “Part N of M”.",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    base_form_class = SeriesHubForm
    parent_page_types = ["blog.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "series hub"

    def guides(self):
        items = SeriesItem.objects.filter(hub_id=self.pk, guide__live=True).order_by(
            "sort_order", "pk"
        )
        guides = ArticlePage.objects.filter(pk__in=items.values("guide_id")).filter(public_q())
        order = {guide_id: n for n, guide_id in enumerate(items.values_list("guide_id", flat=True))}
        return sorted(guide_cards(guides), key=lambda guide: order[guide.pk])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = self.guides()
        return context

    def meta_description_fallback(self):
        return self.intro


class SeriesItem(Orderable):
    hub = ParentalKey(SeriesHubPage, on_delete=models.CASCADE, related_name="series_items")
    guide = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="series_memberships"
    )

    panels = [PageChooserPanel("guide", page_type="blog.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = "guide in series"


# FAQ page ------------------------------------------------------------------------------------


class FaqPage(BlogPage):
    """Frequently asked questions, in sections by topic, at /faqs/."""

    intro = models.TextField(max_length=400, blank=True)
    sections = StreamField(
        FaqSectionsBlock(),
        help_text="One section per topic. Each question gets a link of its own.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("sections")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("sections"),
    ]
    parent_page_types = ["apiwise.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "FAQ page"

    def meta_description_fallback(self):
        return self.intro

    @cached_property
    def faqs(self):
        return list(faq_items(self.sections))

    def rich_text_sources(self):
        return list(strings_in(self.sections.raw_data))

    def extra_json_ld(self, request):
        return [faq_json_ld(self.faqs)] if self.faqs else []
