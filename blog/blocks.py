"""The blocks a guide's body is built from. Each block has a description and a preview for the
admin's block picker, and renders accessible HTML with no inline scripts or styles."""

import re
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

PREVIEW_TEMPLATE = "blog/blocks/preview.html"
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


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, label="Heading")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (H2)"), ("h3", "Sub-heading (H3)")],
        default="h2",
        search_index=False,
        help_text="Section headings (H2) appear in the “On this page” list.",
    )
    anchor = blocks.CharBlock(
        required=False,
        max_length=60,
        search_index=False,
        help_text="Optional link name for #links to this heading. Leave blank to use the heading.",
    )

    class Meta:
        icon = "title"
        label = "Heading"
        template = "blog/blocks/heading.html"
        value_class = HeadingValue
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"text": "Why these three words get muddled", "level": "h2"}
        description = "A section heading. H2 headings build the “On this page” contents list."


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Text"
        template = "blog/blocks/text.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = (
            "<p>An API is the standard way a piece of software lets other software use its "
            "data or features.</p><ul><li>API answers “can these systems talk at all?”</li></ul>"
        )
        description = "Paragraphs, lists and links."


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("warning", "Warning"), ("tip", "Tip")],
        default="info",
        search_index=False,
    )
    title = blocks.CharBlock(required=False, max_length=80)
    text = TextBlock()

    class Meta:
        icon = "warning"
        label = "Callout"
        template = "blog/blocks/callout.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "kind": "tip",
            "title": "Worth knowing",
            "text": RichText("<p>Some automation needs no integration at all.</p>"),
        }
        description = "A highlighted box: information, a warning or a tip."


def table_value(caption, header, rows):
    """A table as GuideTableBlock stores it: the header row first, the first column of each
    row labelling it (Wagtail's TableBlock format)."""
    return {
        "data": [list(header), *[list(row) for row in rows]],
        "table_caption": caption,
        "table_header_choice": "both",
        "first_row_is_table_header": True,
        "first_col_is_header": True,
        "cell": [],
        "mergeCells": [],
    }


class GuideTableBlock(TableBlock):
    """A grid an editor can paste into from a spreadsheet (Wagtail's TableBlock), with a
    caption that says what the table compares. It starts as an empty, valid grid; the caption
    and at least one filled row are asked for when the guide is saved."""

    def __init__(self, **kwargs):
        super().__init__(
            table_options={
                "startRows": 3,
                "startCols": 3,
                "colHeaders": False,
                "rowHeaders": False,
                "autoColumnSize": False,
            },
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        rows = [
            row for row in (value or {}).get("data", []) if any(str(c or "").strip() for c in row)
        ]
        if len(rows) < 2:
            raise ValidationError("Fill in a header row and at least one row below it.")
        if not str((value or {}).get("table_caption") or "").strip():
            raise ValidationError(
                "Add a caption that says what the table compares: screen readers announce it."
            )
        return value

    class Meta:
        icon = "table"
        label = "Table"
        template = "blog/blocks/table.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = table_value(
            "API, integration and automation at a glance",
            ["Term", "What it is", "Do you buy it?"],
            [
                ["API", "The doorway a system provides", "No — your tools already have them"],
                ["Integration", "The connection built between two systems", "Yes"],
            ],
        )
        description = (
            "A table with a caption and a header row; paste it straight from a spreadsheet."
        )


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = "Quote"
        template = "blog/blocks/quote.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "quote": "APIs make integration possible; integration makes automation reliable.",
            "attribution": "APIwise",
        }
        description = "A quotation, with who said it."


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


# Diagrams drawn for the site (static/img/illustrations/<name>.svg), with the text that says
# what each shows to people who cannot see it.
DIAGRAMS = {
    "layers-api-integration-automation": {
        "label": "APIs, integrations and automation as three layers",
        "alt": "Three stacked layers. Bottom, API: the doorway each system provides, shown on "
        "a Shop and an Accounts system. Middle, integration: the connection built between "
        "those doorways. Top, automation: the task that now runs by itself, for example a "
        "new order creating an invoice.",
        "size": (720, 448),
    },
    "written-plan": {
        "label": "A sample page of the Health Check's written plan",
        "alt": "A sample page of the written plan: a map of three connected systems (shop, "
        "accounts and CRM) with a proposed new link, and three prioritised actions.",
        "size": (480, 360),
    },
}


class DiagramValue(blocks.StructValue):
    @property
    def drawing(self):
        """The diagram's details (its alt text and size); `value.diagram` is its name."""
        return DIAGRAMS.get(self.get("diagram"), {})

    @property
    def src(self):
        return f"img/illustrations/{self.get('diagram')}.svg"


class DiagramBlock(blocks.StructBlock):
    diagram = blocks.ChoiceBlock(
        choices=[(name, diagram["label"]) for name, diagram in DIAGRAMS.items()],
        search_index=False,
    )
    caption = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "view"
        label = "Diagram"
        template = "blog/blocks/diagram.html"
        value_class = DiagramValue
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"diagram": "layers-api-integration-automation", "caption": ""}
        description = "One of the site's own diagrams, with its text alternative built in."


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


class CallToActionValue(blocks.StructValue):
    def link_for(self, current_page):
        """The button's address. Links to the Health Check say which guide sent the visitor."""
        target = self.get("page")
        if not target:
            return ""
        url = target.url
        if current_page is not None and getattr(current_page, "url", None):
            url = f"{url}?{urlencode({'from': current_page.url}, safe='/')}"
        return url


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
        template = "blog/blocks/cta.html"
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
        template = "blog/blocks/faq.html"
        value_class = HeadingValue
        preview_template = PREVIEW_TEMPLATE
        preview_value = FAQ_PREVIEW
        description = (
            "Questions and answers, shown as expandable items and marked up for search engines."
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
