"""Topics and authors: snippets that guides point at."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


class TopicQuerySet(models.QuerySet):
    def systems(self):
        """Topics that are software products, offered in the booking form's "systems you
        use" list (Xero, Shopify…), not subjects such as "Costs"."""
        return self.filter(is_system=True)


@register_snippet
class Topic(index.Indexed, models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(
        max_length=60,
        unique=True,
        help_text="Used in shareable links such as /guides/?topic=xero. Avoid changing it.",
    )
    is_system = models.BooleanField(
        "a software product",
        default=False,
        help_text="Tick for products a business runs (Xero, Shopify, Stripe…): they are "
        "offered in the Health Check form's “systems you use” list. Leave unticked for "
        "subjects such as “Costs”.",
    )

    introduction = models.TextField(
        max_length=400,
        blank=True,
        help_text="Shown under the heading of the topic's page (/guides/?topic=…) and to "
        "search engines. Without it, a sentence made from the topic's name is used.",
    )

    objects = TopicQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("is_system"),
        FieldPanel("introduction"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def page_introduction(self):
        """What the topic's page says under its heading: its own words, not the index's."""
        return self.introduction or (
            f"Plain-English guides about {self.name} for UK businesses: how to connect it, "
            "what to watch for and what it costs."
        )


@register_snippet
class Author(index.Indexed, models.Model):
    name = models.CharField(max_length=100)
    role = models.CharField(max_length=100, blank=True, help_text="E.g. “Integration lead”.")
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = models.TextField(max_length=600, blank=True, help_text="Two or three sentences.")
    # The staff member who writes as this author: the guides they import are theirs.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="staff account",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text="The admin account of the person who writes as this author. Guides they "
        "import are credited to this author.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
