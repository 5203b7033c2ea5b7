"""A guide (`ArticlePage`, at /guides/<slug>/) and its related-guide picks."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

from apiwise.panels import UniqueRowsInlinePanel
from apiwise.seo import absolute_url, faq_json_ld, plain_text
from blog.blocks import ArticleBodyBlock, faq_items
from blog.forms import ArticlePageForm
from blog.models.base import BlogPage
from blog.models.taxonomy import Author, Topic
from blog.queries import for_cards, public_q
from blog.reading_time import reading_time

RELATED_GUIDES = 6
# Hook name: each function registered under it returns panels for the guide editor.
GUIDE_EDITOR_PANELS = "blog_guide_editor_panels"
SHORT_TEXT_FEATURES = ["bold", "italic", "link"]
HERO_ALT_MISSING = "Describe the hero image for people who cannot see it."


class GuideQuerySet(PageQuerySet):
    def listed(self):
        """Guides a visitor may see in listings: live, public, newest first."""
        # page_ptr_id rather than pk (wagtailcore_page.id): both columns of the ordering
        # are then in the guide's own index, which a listing walks newest first and stops.
        return self.live().filter(public_q()).order_by("-date", "-page_ptr_id")


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
        help_text="Optional. Also used when the guide is shared (1200×630 works best); "
        "without one, a card with the guide's title and series is made for sharing.",
    )
    # Made in the background on publish (blog/social_cards.py); a hero image is used instead
    # when there is one.
    social_card = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
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
    # Readers who arrive from a search engine decide early: a short prompt to book right
    # after the short answer, another at the end. An editor may switch either off.
    booking_prompt_after_short_answer = models.BooleanField(
        "booking prompt after the short answer",
        default=True,
        help_text="A one-line invitation to book, linking to the site's default call to action "
        "page (usually the Health Check).",
    )
    booking_prompt_at_end = models.BooleanField("booking prompt at the end", default=True)
    import_notes = models.TextField(
        "notes from the import",
        blank=True,
        help_text="What the importer could not turn into blocks, to check by hand. Clear it "
        "once done.",
    )
    reading_time = models.PositiveSmallIntegerField(
        "reading time (minutes)",
        default=1,
        editable=False,
        help_text="Worked out from the text when the guide is saved.",
    )

    objects = PageManager.from_queryset(GuideQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("import_notes"),
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
        MultiFieldPanel(
            [
                FieldPanel("booking_prompt_after_short_answer"),
                FieldPanel("booking_prompt_at_end"),
            ],
            heading="Booking prompts",
        ),
        UniqueRowsInlinePanel(
            "series_memberships",
            heading="Series",
            label="Series",
            help_text="Put the guide in a series (such as API basics) and say which part it is.",
        ),
        UniqueRowsInlinePanel(
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

    @cached_classmethod
    def get_edit_handler(cls):
        """Wagtail's tabs, with the panels other apps add to the guide editor through the
        GUIDE_EDITOR_PANELS hook (bookings: the requests a guide brought) first in the Content
        tab, after the title and slug. Built on first use, once every app's hooks are known."""
        added = [panel for make in hooks.get_hooks(GUIDE_EDITOR_PANELS) for panel in make()]
        title_and_slug = len(Page.content_panels)
        content = [
            *cls.content_panels[:title_and_slug],
            *added,
            *cls.content_panels[title_and_slug:],
        ]
        tabs = [
            ObjectList(content, heading=_("Content")),
            ObjectList(cls.promote_panels, heading=_("Promote")),
            ObjectList(cls.settings_panels, heading=_("Settings")),
        ]
        return TabbedInterface(tabs, base_form_class=cls.base_form_class).bind_to_model(cls)

    parent_page_types = ["blog.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "guide"
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="blog_guide_newest_first")]

    # Computed content ----------------------------------------------------------------------

    def compute_reading_time(self):
        return reading_time(*self.body.stream_block.get_searchable_content(self.body))

    def clean(self):
        super().clean()
        self.reading_time = self.compute_reading_time()
        if self.hero_image_id and not self.hero_image_alt:
            raise ValidationError({"hero_image_alt": HERO_ALT_MISSING})

    def save(self, *args, **kwargs):
        self.reading_time = self.compute_reading_time()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = [*update_fields, "reading_time"]
        return super().save(*args, **kwargs)

    # The guide page shows its authors and topics in three places: read each list once.
    @cached_property
    def author_list(self):
        return list(self.authors.select_related("photo"))

    @cached_property
    def topic_list(self):
        return list(self.topics.all())

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
        chosen_sort = Subquery(chosen.values("sort_order")[:1])
        own_topics = ArticlePage.topics.through.objects.filter(articlepage_id=self.pk).values(
            "topic_id"
        )
        candidates = (
            ArticlePage.objects.live()
            .filter(public_q())
            .exclude(pk=self.pk)
            .annotate(
                chosen_sort=chosen_sort,
                shared_topics=Count("topics", filter=Q(topics__in=own_topics), distinct=True),
            )
            # Staff's picks have a sort order; everything else has none and comes after.
            .order_by(F("chosen_sort").asc(nulls_last=True), "-shared_topics", "-date", "-pk")
        )
        return list(for_cards(candidates)[:limit])

    def series_positions(self):
        """Each live series this guide is in: hub, part number, count, previous and next."""
        SeriesItem = self.series_memberships.model  # defined with the series, which imports this

        items = (
            SeriesItem.objects.filter(
                hub__in=SeriesItem.objects.filter(guide_id=self.pk).values("hub_id"),
                hub__live=True,
                guide__live=True,
            )
            .filter(public_q("hub__"), public_q("guide__"))
            .select_related("hub", "guide")
            .order_by("hub__path", "position", "guide__title", "pk")
        )
        by_hub = {}
        for item in items:
            by_hub.setdefault(item.hub, []).append(item.guide)
        positions = []
        for hub, guides in by_hub.items():
            ids = [guide.pk for guide in guides]
            if self.pk not in ids:
                continue
            number = ids.index(self.pk)
            positions.append(
                {
                    "hub": hub,
                    "number": number + 1,
                    "total": len(guides),
                    "previous": guides[number - 1] if number > 0 else None,
                    "next": guides[number + 1] if number + 1 < len(guides) else None,
                }
            )
        return positions

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Worked out only when the page's cached rendering is missing (article_page.html).
        context.update(
            related_guides=SimpleLazyObject(self.related_guides),
            series=SimpleLazyObject(self.series_positions),
            toc=SimpleLazyObject(self.table_of_contents),
            booking_link=SimpleLazyObject(lambda: self.booking_link(request)),
        )
        return context

    # SEO -----------------------------------------------------------------------------------

    def meta_description_fallback(self):
        return self.short_answer or self.summary

    def social_image(self):
        return self.hero_image or self.social_card

    def extra_json_ld(self, request):
        settings = self.site_settings(request)
        url = absolute_url(request, self.url)
        publisher = {
            key: value
            for key, value in settings.organization_json_ld(request).items()
            if key in {"@type", "name", "url", "logo"}
        }
        authors = [
            {
                "@type": "Person",
                "name": author.name,
                **({"jobTitle": author.role} if author.role else {}),
            }
            for author in self.author_list
        ]
        article = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": plain_text(self.summary, limit=None),
            "datePublished": self.date.isoformat(),
            "dateModified": (self.last_reviewed or self.date).isoformat(),
            "author": authors or [publisher],
            "publisher": publisher,
            "mainEntityOfPage": url,
            "url": url,
            "timeRequired": f"PT{self.reading_time}M",
        }
        topics = self.topic_list
        if topics:
            article["keywords"] = ", ".join(topic.name for topic in topics)
        if image := self.social_image():
            rendition = image.get_rendition("fill-1200x630|format-jpeg")
            article["image"] = absolute_url(request, rendition.url)
        blocks = [article]
        if self.faqs:
            blocks.append(faq_json_ld(self.faqs))
        return blocks


class GuideLink(Orderable):
    """A guide chosen on another page, in the editor's order: once per page (its `page` and
    the constraint naming it are the subclass's)."""

    guide = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("guide", page_type="blog.ArticlePage")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "related guide"

    @staticmethod
    def once_per_page(name):
        return models.UniqueConstraint(
            fields=["page", "guide"],
            name=name,
            violation_error_message="That guide is already in the related guides.",
        )


class RelatedGuide(GuideLink):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")

    class Meta(GuideLink.Meta):
        constraints = [GuideLink.once_per_page("blog_relatedguide_once_per_guide")]
