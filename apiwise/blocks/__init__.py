"""The blocks more than one app builds pages with: rich text, calls to action, FAQs and the
site's diagrams, with the admin's block preview template. Each has a description and a preview
for the admin's block picker, and renders accessible HTML with no inline scripts or styles
(templates in templates/apiwise/blocks/).

text.py: rich text, anchors and the preview template; faq.py: calls to action and questions;
media.py: diagrams; streams.py: streams whose anchors are unique on the page, and FAQs."""

from apiwise.blocks.faq import FAQ_PREVIEW, CallToActionBlock, FaqBlock, FaqItemBlock
from apiwise.blocks.media import DIAGRAMS, DiagramBlock
from apiwise.blocks.streams import FaqsBlock, UniqueAnchorsStreamBlock, anchors_in, faq_items
from apiwise.blocks.text import (
    PREVIEW_TEMPLATE,
    TEXT_FEATURES,
    HeadingValue,
    TextBlock,
    anchor_from,
    is_blank,
)

__all__ = [
    "DIAGRAMS",
    "FAQ_PREVIEW",
    "PREVIEW_TEMPLATE",
    "TEXT_FEATURES",
    "CallToActionBlock",
    "DiagramBlock",
    "FaqBlock",
    "FaqItemBlock",
    "FaqsBlock",
    "HeadingValue",
    "TextBlock",
    "UniqueAnchorsStreamBlock",
    "anchor_from",
    "anchors_in",
    "faq_items",
    "is_blank",
]
