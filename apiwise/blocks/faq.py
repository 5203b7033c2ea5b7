"""Calls to action and frequently asked questions, in guides, on the FAQ page and on the Health
Check page."""

import re
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from apiwise.blocks.text import PREVIEW_TEMPLATE, HeadingValue, TextBlock, anchor_from, is_blank


def link_with_source(target, current_page):
    """A link to target (usually the Health Check) that says which page sent the visitor
    (?from=, read by bookings/forms.py for the "Which guides sell" report)."""
    url = target.url
    if current_page is not None and getattr(current_page, "url", None):
        url = f"{url}?{urlencode({'from': current_page.url}, safe='/')}"
    return url


class CallToActionValue(blocks.StructValue):
    def link_for(self, current_page):
        """The button's address. Links to the Health Check say which guide sent the visitor."""
        target = self.get("page")
        return link_with_source(target, current_page) if target else ""


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = TextBlock()
    button_label = blocks.CharBlock(
        required=False, max_length=60, help_text="Leave blank to show no button."
    )
    page = blocks.PageChooserBlock(
        required=False, help_text="Usually the Integration Health Check page."
    )

    class Meta:
        icon = "pick"
        label = "Call to action"
        template = "apiwise/blocks/cta.html"
        value_class = CallToActionValue
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "heading": "How APIwise can help",
            "text": "<p>Start with a fixed-price Integration Health Check.</p>",
            "button_label": "Book your Health Check",
        }
        description = "A panel inviting the reader to act, with a button to a page."

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        href = value.link_for(page)
        text = str(value["text"])
        target = value.get("page")
        if href and target:
            # Links in the text to the same page carry the same ?from=.
            text = re.sub(f'href="{re.escape(target.url)}"', f'href="{href}"', text)
        context.update(href=href, text=mark_safe(text))  # noqa: S308 - rendered rich text
        return context


class FaqItemValue(blocks.StructValue):
    @property
    def anchor_id(self):
        return anchor_from(self.get("anchor") or self.get("question"), prefix="faq-")


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(required=False, max_length=200)
    answer = TextBlock(required=False)
    anchor = blocks.CharBlock(
        required=False,
        max_length=60,
        search_index=False,
        help_text="Optional link name. Leave blank to make one from the question.",
    )

    class Meta:
        icon = "help"
        value_class = FaqItemValue
        label = "Question"

    def clean(self, value):
        errors = {}
        if is_blank(value.get("question")):
            errors["question"] = ValidationError("Every FAQ needs a question.")
        if is_blank(value.get("answer")):
            errors["answer"] = ValidationError("Every FAQ needs an answer.")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return super().clean(value)


FAQ_PREVIEW = {
    "heading": "Frequently asked questions",
    "items": [
        {
            "question": "Is an integration the same as an API?",
            "answer": "<p>No. An API is a capability a piece of software offers.</p>",
        }
    ],
}


class FaqBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Frequently asked questions")
    items = blocks.ListBlock(FaqItemBlock(), min_num=1, label="Questions")

    class Meta:
        icon = "list-ul"
        label = "FAQ"
        template = "apiwise/blocks/faq.html"
        value_class = HeadingValue
        preview_template = PREVIEW_TEMPLATE
        preview_value = FAQ_PREVIEW
        description = (
            "Questions and answers, shown as expandable items and marked up for search engines."
        )
