"""The blocks a guide's body is built from. Each block has a description and a preview for the
admin's block picker, and renders accessible HTML with no inline scripts or styles.

text.py: headings, rich text, callouts, tables, quotes; media.py: images, diagrams, code;
faq.py: calls to action and questions; streams.py: the streams they make up."""

from blog.blocks.faq import CallToActionBlock, FaqBlock, FaqItemBlock
from blog.blocks.media import DIAGRAMS, LANGUAGES, CodeBlock, DiagramBlock, ImageBlock
from blog.blocks.streams import (
    ArticleBodyBlock,
    FaqsBlock,
    FaqSectionBlock,
    FaqSectionsBlock,
    UniqueAnchorsStreamBlock,
    anchors_in,
    faq_items,
)
from blog.blocks.text import (
    CalloutBlock,
    GuideTableBlock,
    HeadingBlock,
    QuoteBlock,
    TextBlock,
    anchor_from,
    table_value,
)

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
