"""Series hubs: a series of guides in reading order, e.g. the API basics hub."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from apiwise.icons import ICON_CHOICES
from apiwise.models import CallToActionFields
from blog.models.base import BlogPage
from blog.models.guide import SHORT_TEXT_FEATURES, ArticlePage
from blog.panels import SeriesPartsPanel
from blog.queries import for_cards, public_q


class SeriesHubPage(CallToActionFields, BlogPage):
    """A series of guides in reading order, with "Part N of M" on each guide."""

    intro = RichTextField(features=SHORT_TEXT_FEATURES + ["ul", "ol"], blank=True)
    icon = models.CharField(max_length=40, choices=ICON_CHOICES, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("icon"),
        SeriesPartsPanel(heading="Guides in this series"),
        *CallToActionFields.cta_panels,
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["blog.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "series hub"

    def guides(self):
        """The live, public guides of the series, in reading order (by part number)."""
        items = SeriesItem.objects.filter(hub_id=self.pk, guide__live=True).order_by(
            *SeriesItem.READING_ORDER
        )
        guides = ArticlePage.objects.filter(pk__in=items.values("guide_id")).filter(public_q())
        order = {guide_id: n for n, guide_id in enumerate(items.values_list("guide_id", flat=True))}
        return sorted(for_cards(guides), key=lambda guide: order[guide.pk])

    def parts_for_editors(self):
        """Every guide in the series, drafts included, in reading order: the hub's edit form
        lists them (each guide joins a series from its own edit form)."""
        return (
            SeriesItem.objects.filter(hub_id=self.pk)
            .select_related("guide")
            .order_by(*SeriesItem.READING_ORDER)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guides = self.guides()
        context.update(guides=guides, total_minutes=sum(guide.reading_time for guide in guides))
        return context

    def meta_description_fallback(self):
        return self.intro


class SeriesItem(Orderable):
    """A guide's place in a series, set on the guide: which hub, and which part it is."""

    guide = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="series_memberships")
    hub = models.ForeignKey(SeriesHubPage, on_delete=models.CASCADE, related_name="series_items")
    position = models.PositiveSmallIntegerField(
        "part", default=1, help_text="Where the guide comes in the series: 1 is read first."
    )

    # Part number first; two guides given the same number come in title order.
    READING_ORDER = ("position", "guide__title", "pk")

    panels = [PageChooserPanel("hub", page_type="blog.SeriesHubPage"), FieldPanel("position")]

    class Meta(Orderable.Meta):
        verbose_name = "series"
        verbose_name_plural = "series"
        constraints = [
            models.UniqueConstraint(
                fields=["hub", "guide"],
                name="blog_seriesitem_once_per_series",
                violation_error_message="The guide is already in that series.",
            )
        ]
