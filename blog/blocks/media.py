"""Pictures and code of a guide: images and highlighted code samples. The site's own diagrams
are the core's (apiwise/blocks/media.py)."""

from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from apiwise.blocks.text import PREVIEW_TEMPLATE


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=200,
        required=False,
        help_text="Describe the image for people who cannot see it. Leave blank only if it "
        "is purely decorative.",
    )
    caption = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "image"
        label = "Image"
        template = "blog/blocks/image.html"
        preview_template = PREVIEW_TEMPLATE
        description = "An image with alt text and an optional caption."

    def get_preview_value(self):
        """The newest image in the library, so the picker shows what the block looks like."""
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("-created_at").first()
        return self.to_python(
            {"image": image.pk if image else None, "alt_text": "", "caption": "An image caption"}
        )


LANGUAGES = [
    ("text", "Plain text"),
    ("bash", "Shell"),
    ("http", "HTTP"),
    ("json", "JSON"),
    ("python", "Python"),
    ("javascript", "JavaScript"),
    ("php", "PHP"),
    ("sql", "SQL"),
    ("xml", "XML"),
    ("yaml", "YAML"),
]


class CodeValue(blocks.StructValue):
    @cached_property
    def highlighted(self):
        try:
            lexer = get_lexer_by_name(self.get("language") or "text")
        except ClassNotFound:
            lexer = get_lexer_by_name("text")
        formatter = HtmlFormatter(cssclass="code-block__highlight", nowrap=False)
        return mark_safe(highlight(self.get("code") or "", lexer, formatter))  # noqa: S308

    @property
    def language_label(self):
        return dict(LANGUAGES).get(self.get("language"), "Code")


class CodeBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=LANGUAGES, default="json", search_index=False)
    code = blocks.TextBlock()

    class Meta:
        icon = "code"
        label = "Code"
        template = "blog/blocks/code.html"
        value_class = CodeValue
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "language": "json",
            "code": '{\n  "invoice": "INV-0042",\n  "total": 120.00\n}',
        }
        description = "A code sample, highlighted on the server."
