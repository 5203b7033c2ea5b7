"""Topics and authors: snippets that guides point at."""

from django.conf import settings
from django.db import models
from django.utils.text import slugify
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
    slug = models.SlugField(
        max_length=100,
        unique=True,
        blank=True,
        help_text="Their page's address on the team page (/team/<slug>/). Made from the name "
        "when left empty; avoid changing it once published.",
    )
    role = models.CharField(max_length=100, blank=True, help_text="E.g. “Integration lead”.")
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = models.TextField(max_length=600, blank=True, help_text="Two or three sentences.")
    linkedin_url = models.URLField(
        "LinkedIn",
        blank=True,
        help_text="Their LinkedIn profile, e.g. https://www.linkedin.com/in/…",
    )
    # A person is shown on the team page (and bylines link there) only once staff say so: an
    # author made by an import, or the demo's sample, is not presented as a team member.
    on_team_page = models.BooleanField(
        "show on the team page",
        default=False,
        help_text="Tick once the name, role, photo and bio are real and agreed with them.",
    )
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
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("linkedin_url"),
        FieldPanel("on_team_page"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_author_slug(self.name, Author.objects.exclude(pk=self.pk))
        super().save(*args, **kwargs)

    @property
    def photo_alt(self):
        """The photo's description in the image library, else who it shows (an image's title
        is often its file name)."""
        described = self.photo.description if self.photo else ""
        return described or f"Photo of {self.name}"


def unique_author_slug(name, others):
    """A slug from the name, numbered when another author already has it."""
    base = slugify(name)[:90] or "person"
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug
