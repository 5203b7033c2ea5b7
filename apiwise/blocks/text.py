"""Rich text as the site writes it, and the anchors headings and questions link by. The
preview template every block of the site shows in the admin's block picker."""

from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail import blocks
from wagtail.rich_text import RichText

PREVIEW_TEMPLATE = "apiwise/blocks/preview.html"
TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def anchor_from(text, prefix=""):
    """A stable id for a heading or question: a slug of its text."""
    slug = slugify(strip_tags(str(text or "")))[:60].strip("-")
    return f"{prefix}{slug}" if slug else ""


def is_blank(value):
    if isinstance(value, RichText):
        value = value.source
    return not strip_tags(str(value or "")).strip()


class HeadingValue(blocks.StructValue):
    @property
    def anchor_id(self):
        return anchor_from(self.get("anchor") or self.get("text") or self.get("heading"))


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Text"
        template = "apiwise/blocks/text.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = (
            "<p>An API is the standard way a piece of software lets other software use its "
            "data or features.</p><ul><li>API answers “can these systems talk at all?”</li></ul>"
        )
        description = "Paragraphs, lists and links."
