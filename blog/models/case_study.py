"""Case studies: past work a prospect can judge APIwise by, at /case-studies/<slug>/, with their
listing at /case-studies/. Only real clients, with their permission (the permission note says
when and how they agreed; it is never shown). Published case studies are also shown on the
home page, the Health Check page and the guides they relate to; nothing is shown while none is.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from apiwise.blocks import PREVIEW_TEMPLATE
from apiwise.content_cache import cached
from apiwise.panels import UniqueRowsInlinePanel
from apiwise.seo import absolute_url, plain_text
from blog.models.base import BlogPage
from blog.models.guide import HERO_ALT_MISSING, ArticlePage, GuideLink
from blog.models.taxonomy import Topic
from blog.queries import public_q

# The title the demo gives its sample, which the launch check refuses on a live site.
SAMPLE_TITLE = "Sample — replace before launch"
STORY_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# How many a section on another page (home, Health Check, a guide) shows at most.
SHOWN_ELSEWHERE = 3


def listing_url():
    """The live case study listing's address, or "" (kept with the content version)."""

    def find():
        page = CaseStudyIndexPage.objects.live().first()
        return page.url if page is not None else ""

    return cached("case-study-index-url", find)


def latest_case_studies():
    """What another page shows: the newest published case studies."""
    return list(CaseStudyPage.published()[:SHOWN_ELSEWHERE])


class OutcomeBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        max_length=40, help_text="The measured change, e.g. “6 hours → 20 minutes”."
    )
    label = blocks.CharBlock(max_length=80, help_text="What it measures, e.g. “month-end close”.")

    class Meta:
        icon = "success"
        label = "Outcome"
        template = "blog/blocks/outcome.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"figure": "6 hours → 20 minutes", "label": "month-end reconciliation"}
        description = "One measured result: a figure and what it measures."


class CaseStudyIndexPage(BlogPage):
    """/case-studies/: every published case study, newest first."""

    intro = models.TextField(
        max_length=400, blank=True, help_text="One or two sentences under the heading."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["apiwise.HomePage"]
    subpage_types = ["blog.CaseStudyPage"]
    max_count = 1

    class Meta:
        verbose_name = "case study index"

    def meta_description_fallback(self):
        return self.intro

    @classmethod
    def shows_in_menus(cls, page):
        """Menus leave the listing (given as a plain Page) out until a case study under it is
        live: an empty listing is no proof."""
        return CaseStudyPage.objects.child_of(page).live().exists()

    def case_studies(self):
        return CaseStudyPage.published().descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["case_studies"] = list(self.case_studies())
        return context


class CaseStudyPage(BlogPage):
    """One piece of past work: who (or, when they asked not to be named, what kind of
    business), the problem, what was built, the measured outcomes and, optionally, a quote."""

    summary = models.CharField(
        max_length=300, help_text="One or two sentences: shown under the title and on cards."
    )
    client_name = models.CharField(
        max_length=120, blank=True, help_text="The client, as they agreed to be named."
    )
    client_not_named = models.BooleanField(
        "the client asked not to be named",
        default=False,
        help_text="Then the description below is shown instead of their name.",
    )
    anonymised_description = models.CharField(
        "description of the client",
        max_length=120,
        blank=True,
        help_text="E.g. “a 40-person UK wholesaler”. Shown when the client is not named.",
    )
    sector = models.CharField(max_length=80, blank=True, help_text="E.g. “Wholesale”.")
    systems = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="case_studies",
        help_text="The systems involved (topics marked as software products).",
    )
    problem = RichTextField(features=STORY_FEATURES, help_text="What was wrong, in their words.")
    solution = RichTextField(
        "what we built", features=STORY_FEATURES, help_text="What was built, plainly."
    )
    outcomes = StreamField(
        [("outcome", OutcomeBlock())],
        blank=True,
        help_text="Measured results only: a figure and what it measures.",
    )
    results = RichTextField(
        "what changed",
        features=STORY_FEATURES,
        blank=True,
        help_text="Optional: what changed beyond the figures.",
    )
    quote = models.TextField(max_length=600, blank=True, help_text="Optional: the client's words.")
    quote_name = models.CharField("quoted person's name", max_length=100, blank=True)
    quote_role = models.CharField("quoted person's role", max_length=100, blank=True)
    permission_note = models.CharField(
        "permission",
        max_length=200,
        help_text="When and how the client agreed to this case study (and any quote) being "
        "published. Not shown.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image_alt = models.CharField("hero image alt text", max_length=200, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("client_name"),
                FieldPanel("client_not_named"),
                FieldPanel("anonymised_description"),
                FieldPanel("sector"),
                FieldPanel("systems", widget=forms.CheckboxSelectMultiple),
            ],
            heading="The client",
        ),
        FieldPanel("problem"),
        FieldPanel("solution"),
        FieldPanel("outcomes"),
        FieldPanel("results"),
        MultiFieldPanel(
            [FieldPanel("quote"), FieldPanel("quote_name"), FieldPanel("quote_role")],
            heading="Quote",
        ),
        FieldPanel("permission_note"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading="Hero image"
        ),
        UniqueRowsInlinePanel(
            "guide_links",
            heading="Related guides",
            label="Related guide",
            help_text="Guides about what was done here: they show this case study as "
            "“Where we've done this”.",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("solution"),
    ]
    parent_page_types = ["blog.CaseStudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"

    @classmethod
    def published(cls):
        """Live, public case studies, newest first."""
        return (
            cls.objects.live()
            .filter(public_q())
            .select_related("hero_image")
            .order_by("-first_published_at", "-pk")
        )

    @classmethod
    def about_guide(cls, guide):
        return cls.published().filter(guide_links__guide=guide).distinct()[:SHOWN_ELSEWHERE]

    def clean(self):
        super().clean()
        errors = {}
        if self.client_not_named and not self.anonymised_description.strip():
            errors["anonymised_description"] = (
                "Describe the client without naming them, e.g. “a 40-person UK wholesaler”."
            )
        if not self.client_not_named and not self.client_name.strip():
            errors["client_name"] = (
                "Name the client, or tick “the client asked not to be named” and describe them."
            )
        if self.hero_image_id and not self.hero_image_alt:
            errors["hero_image_alt"] = HERO_ALT_MISSING
        if errors:
            raise ValidationError(errors)

    @property
    def client(self):
        """Who the work was for, as the page may say it."""
        if self.client_not_named:
            return self.anonymised_description
        return self.client_name

    @cached_property
    def system_list(self):
        return list(self.systems.all())

    @cached_property
    def related_guide_list(self):
        ids = self.guide_links.values_list("guide_id", flat=True)
        return list(ArticlePage.objects.listed().filter(pk__in=ids))

    def meta_description_fallback(self):
        return self.summary

    def social_image(self):
        return self.hero_image

    def extra_json_ld(self, request):
        """schema.org Article (Google reads Article; `about` names the client and systems)."""
        settings = self.site_settings(request)
        publisher = {
            key: value
            for key, value in settings.organization_json_ld(request).items()
            if key in {"@type", "name", "url", "logo"}
        }
        url = absolute_url(request, self.url)
        client = {"@type": "Organization", "description": self.client}
        if not self.client_not_named:
            client = {"@type": "Organization", "name": self.client_name}
        about = [client, *({"@type": "Thing", "name": s.name} for s in self.system_list)]
        article = {
            "@context": "https://schema.org",
            "@type": "Article",
            "articleSection": "Case study",
            "headline": self.title,
            "description": plain_text(self.summary, limit=None),
            "about": about,
            "author": publisher,
            "publisher": publisher,
            "mainEntityOfPage": url,
            "url": url,
        }
        if self.first_published_at:
            article["datePublished"] = self.first_published_at.date().isoformat()
        if self.last_published_at:
            article["dateModified"] = self.last_published_at.date().isoformat()
        if self.hero_image:
            rendition = self.hero_image.get_rendition("fill-1200x630|format-jpeg")
            article["image"] = absolute_url(request, rendition.url)
        return [article]


class CaseStudyGuide(GuideLink):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="guide_links")

    class Meta(GuideLink.Meta):
        constraints = [GuideLink.once_per_page("blog_casestudyguide_once_per_case_study")]
