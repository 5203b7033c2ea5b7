"""Streams whose headings and questions each keep a #link of their own: the FAQs of a page
(the Health Check page's), and the base of a guide's body and the FAQ page's sections."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

from apiwise.blocks.faq import FaqBlock


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


class FaqsBlock(UniqueAnchorsStreamBlock):
    faq = FaqBlock()


def faq_items(stream):
    """Every question in a stream, in page order: those of its FAQ blocks ("faq") and FAQ
    sections ("section", the FAQ page's)."""
    for child in stream:
        if child.block_type in ("faq", "section"):
            yield from child.value["items"]
