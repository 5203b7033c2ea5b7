"""What other clients say: testimonials and case studies staff add as snippets, shown on the
Health Check page when there are any. Only real clients, with their permission: the demo
content has none."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.snippets.models import register_snippet


@register_snippet
class Testimonial(DraftStateMixin, RevisionMixin, models.Model):
    quote = models.TextField(max_length=600)
    name = models.CharField(max_length=100)
    role = models.CharField(max_length=100, blank=True)
    company = models.CharField(max_length=120, blank=True)
    permission_note = models.CharField(
        "permission",
        max_length=200,
        help_text="When and how the client agreed to this being published (not shown).",
    )

    panels = [
        FieldPanel("quote"),
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("company"),
        FieldPanel("permission_note"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.company}" if self.company else self.name


@register_snippet
class CaseStudy(DraftStateMixin, RevisionMixin, models.Model):
    title = models.CharField(max_length=120)
    client = models.CharField(max_length=120, help_text="The client, as they agreed to be named.")
    problem = models.TextField(max_length=400, help_text="What was wrong, in a sentence or two.")
    outcome = models.TextField(max_length=400, help_text="What changed, with numbers if real.")
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: a page with the full story.",
    )
    permission_note = models.CharField(
        "permission",
        max_length=200,
        help_text="When and how the client agreed to this being published (not shown).",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("client"),
        FieldPanel("problem"),
        FieldPanel("outcome"),
        FieldPanel("page"),
        FieldPanel("permission_note"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "case studies"

    def __str__(self):
        return self.title
