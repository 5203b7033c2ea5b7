"""The streams a guide's body and the FAQ page's sections are made of; their anchors must be
unique on the page (apiwise/blocks/streams.py)."""

from wagtail import blocks

from apiwise.blocks.faq import FAQ_PREVIEW, CallToActionBlock, FaqBlock, FaqItemBlock
from apiwise.blocks.media import DiagramBlock
from apiwise.blocks.streams import UniqueAnchorsStreamBlock
from apiwise.blocks.text import PREVIEW_TEMPLATE, HeadingValue, TextBlock
from blog.blocks.media import CodeBlock, ImageBlock
from blog.blocks.text import CalloutBlock, GuideTableBlock, HeadingBlock, QuoteBlock


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
        template = "apiwise/blocks/faq.html"
        preview_value = FAQ_PREVIEW
        description = "A group of questions on one topic."


class FaqSectionsBlock(UniqueAnchorsStreamBlock):
    section = FaqSectionBlock()
