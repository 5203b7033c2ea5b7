"""The blocks a guide's body is built from. Each block has a description and a preview for the
admin's block picker, and renders accessible HTML with no inline scripts or styles.

text.py: headings, callouts, tables, quotes; media.py: images, code; streams.py: the streams
they make up. Rich text, calls to action, FAQs and diagrams are the core's (apiwise/blocks/),
shared with the Health Check page; they are named here too, for the guides' code and for
migrations that name `blog.blocks.TextBlock`."""

from apiwise.blocks import (
    DIAGRAMS,
    CallToActionBlock,
    DiagramBlock,
    FaqBlock,
    FaqItemBlock,
    FaqsBlock,
    TextBlock,
    UniqueAnchorsStreamBlock,
    anchor_from,
    anchors_in,
    faq_items,
)
from blog.blocks.media import LANGUAGES, CodeBlock, ImageBlock
from blog.blocks.streams import ArticleBodyBlock, FaqSectionBlock, FaqSectionsBlock
from blog.blocks.text import CalloutBlock, GuideTableBlock, HeadingBlock, QuoteBlock, table_value

__all__ = [
    "DIAGRAMS",
    "LANGUAGES",
    "ArticleBodyBlock",
    "CallToActionBlock",
    "CalloutBlock",
    "CodeBlock",
    "DiagramBlock",
    "FaqBlock",
    "FaqItemBlock",
    "FaqSectionBlock",
    "FaqSectionsBlock",
    "FaqsBlock",
    "GuideTableBlock",
    "HeadingBlock",
    "ImageBlock",
    "QuoteBlock",
    "TextBlock",
    "UniqueAnchorsStreamBlock",
    "anchor_from",
    "anchors_in",
    "faq_items",
    "table_value",
]
