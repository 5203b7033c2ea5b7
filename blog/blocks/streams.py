"""The streams blocks make up: a guide's body and the FAQ page's sections, whose anchors must
be unique on the page."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

from blog.blocks.faq import FAQ_PREVIEW, CallToActionBlock, FaqBlock, FaqItemBlock
from blog.blocks.media import CodeBlock, DiagramBlock, ImageBlock
from blog.blocks.text import (
    PREVIEW_TEMPLATE,
    CalloutBlock,
    GuideTableBlock,
    HeadingBlock,
    HeadingValue,
    QuoteBlock,
    TextBlock,
)


def anchors_in(stream):
    """(index of the top-level block, anchor) for every heading, FAQ heading and question."""
    for index, child in enumerate(stream):
        value = child.value
        anchor = getattr(value, "anchor_id", "")
        if anchor:
            yield index, anchor
        for item in value.get("items", []) if hasattr(value, "get") else []:
            if getattr(item, "anchor_id", ""):
                yield index, item.anchor_id


class UniqueAnchorsStreamBlock(blocks.StreamBlock):
    """Each heading and question keeps a #link of its own: two with the same wording would
    share one id, which breaks the contents list, the link and the HTML."""

    def clean(self, value):
        value = super().clean(value)
        seen, errors = set(), {}
        for index, anchor in anchors_in(value):
            if anchor in seen:
                errors[index] = ValidationError(
                    f"Another heading or question on this page already links as #{anchor}. "
                    "Change the wording, or give this one a link name of its own."
                )
            seen.add(anchor)
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value


class ArticleBodyBlock(UniqueAnchorsStreamBlock):
    heading = HeadingBlock()
    text = TextBlock()
    callout = CalloutBlock()
    table = GuideTableBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    diagram = DiagramBlock()
    code = CodeBlock()
    call_to_action = CallToActionBlock()
    faq = FaqBlock()


class FaqSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text="The topic, e.g. “Costs”.")
    items = blocks.ListBlock(FaqItemBlock(), min_num=1, label="Questions")

    class Meta:
        icon = "help"
        label = "FAQ section"
        value_class = HeadingValue
        preview_template = PREVIEW_TEMPLATE
        template = "blog/blocks/faq.html"
        preview_value = FAQ_PREVIEW
        description = "A group of questions on one topic."


class FaqSectionsBlock(UniqueAnchorsStreamBlock):
    section = FaqSectionBlock()


class FaqsBlock(UniqueAnchorsStreamBlock):
    faq = FaqBlock()


def faq_items(stream):
    """Every question in a stream (guide body or FAQ page), in page order."""
    for child in stream:
        if child.block_type in ("faq", "section"):
            yield from child.value["items"]
