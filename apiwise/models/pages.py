"""The core page types: the base every page type on the site builds on, the home page and
standard pages (About, Privacy notice, Terms)."""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from apiwise.blocks import PREVIEW_TEMPLATE
from apiwise.content_cache import any_view_restrictions, content_version
from apiwise.icons import ICON_CHOICES
from apiwise.models.site_settings import SiteSettings
from apiwise.seo import SeoMixin


class BasePage(SeoMixin, Page):
    """Every page type on the site: shared SEO behaviour (titles, descriptions, JSON-LD)."""

    class Meta:
        abstract = True

    def site_settings(self, request):
        return SiteSettings.for_request(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Templates cache what depends on the content alone under this version. Previews show
        # unsaved content, so they are never cached.
        context["page_cache_version"] = (
            None if getattr(request, "is_preview", False) else content_version()
        )
        return context

    def get_view_restrictions(self):
        # Wagtail checks this before serving every page: two queries, for a site that usually
        # has no private page at all.
        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class CallToActionFields(models.Model):
    cta_heading = models.CharField("heading", max_length=120, blank=True)
    cta_text = models.TextField("text", max_length=400, blank=True)
    cta_button_label = models.CharField("button label", max_length=60, blank=True)
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="button links to",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Usually the Integration Health Check page.",
    )

    cta_panels = [
        MultiFieldPanel(
            [
                FieldPanel("cta_heading"),
                FieldPanel("cta_text"),
                FieldPanel("cta_button_label"),
                PageChooserPanel("cta_page"),
            ],
            heading="Call to action",
        )
    ]

    class Meta:
        abstract = True


class ServiceBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=400)
    picture = blocks.ChoiceBlock(choices=ICON_CHOICES, required=False, label="Icon")
    page = blocks.PageChooserBlock(
        required=False,
        label="Links to",
        help_text="The service's own page. The card links to it only while it is published.",
    )

    class Meta:
        icon = "pick"
        label = "Service"
        template = "apiwise/blocks/service.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "heading": "Integration Health Check",
            "text": "A fixed-price review of the systems you run and a costed plan.",
            "picture": "health-check",
        }
        description = "A short card on one thing APIwise does, with an icon."


class HomePage(CallToActionFields, BasePage):
    hero_heading = models.CharField(max_length=120)
    hero_text = models.TextField(max_length=400, blank=True)
    services_heading = models.CharField(max_length=120, default="What we do")
    services = StreamField(
        [("service", ServiceBlock())],
        blank=True,
        help_text="Two to four short cards on what APIwise does.",
    )
    latest_guides_heading = models.CharField(max_length=120, default="Latest guides")

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_text")], heading="Hero"),
        FieldPanel("services_heading"),
        FieldPanel("services"),
        FieldPanel("latest_guides_heading"),
        *CallToActionFields.cta_panels,
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text")]

    def meta_description_fallback(self):
        return self.hero_text

    def extra_json_ld(self, request):
        return [self.site_settings(request).organization_json_ld(request)]


class StandardPage(BasePage):
    """About, Privacy notice, Terms: a title, an introduction and rich text."""

    introduction = models.TextField(max_length=400, blank=True)
    body = RichTextField(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    def meta_description_fallback(self):
        return self.introduction or self.body
