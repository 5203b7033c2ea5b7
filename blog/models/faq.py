"""The FAQ page at /faqs/: questions in sections by topic."""

from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from apiwise.models import CallToActionFields
from apiwise.seo import faq_json_ld
from blog.blocks import FaqSectionsBlock, faq_items
from blog.models.base import BlogPage


class FaqPage(CallToActionFields, BlogPage):
    """Frequently asked questions, in sections by topic, at /faqs/."""

    intro = models.TextField(max_length=400, blank=True)
    sections = StreamField(
        FaqSectionsBlock(),
        help_text="One section per topic. Each question gets a link of its own.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("sections"),
        *CallToActionFields.cta_panels,
    ]
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

    def extra_json_ld(self, request):
        return [faq_json_ld(self.faqs)] if self.faqs else []
