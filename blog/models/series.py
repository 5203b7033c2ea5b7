"""Series hubs: a series of guides in reading order, e.g. the API basics hub."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from apiwise.icons import ICON_CHOICES
from apiwise.models import CallToActionFields
from apiwise.panels import UniqueRowsInlinePanel
from blog.models.base import BlogPage
from blog.models.guide import SHORT_TEXT_FEATURES, ArticlePage
from blog.queries import for_cards, public_q


class SeriesHubPage(CallToActionFields, BlogPage):
    """A series of guides in reading order, with "Part N of M" on each guide."""

    intro = RichTextField(features=SHORT_TEXT_FEATURES + ["ul", "ol"], blank=True)
    icon = models.CharField(max_length=40, choices=ICON_CHOICES, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("icon"),
        UniqueRowsInlinePanel(
            "series_items",
            heading="Guides in this series",
            label="Guide",
            min_num=1,
            help_text="In reading order: drag to reorder. Each guide shows “Part N of M”.",
        ),
        *CallToActionFields.cta_panels,
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["blog.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "series hub"

    def guides(self):
        """The live, public guides of the series, in reading order."""
        items = SeriesItem.objects.filter(hub_id=self.pk, guide__live=True).order_by(
            "sort_order", "pk"
        )
        guides = ArticlePage.objects.filter(pk__in=items.values("guide_id")).filter(public_q())
        order = {guide_id: n for n, guide_id in enumerate(items.values_list("guide_id", flat=True))}
        return sorted(for_cards(guides), key=lambda guide: order[guide.pk])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guides = self.guides()
        context.update(guides=guides, total_minutes=sum(guide.reading_time for guide in guides))
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
        constraints = [
            models.UniqueConstraint(
                fields=["hub", "guide"],
                name="blog_seriesitem_once_per_series",
                violation_error_message="That guide is already in this series.",
            )
        ]
