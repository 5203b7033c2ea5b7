"""What other clients say: testimonials staff add as snippets, shown on the Health Check page
when there are any. Only real clients, with their permission: the demo content has none.
(Case studies are pages of their own: blog/models/case_study.py.)"""

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
