"""Text blocks of a guide: headings with their own anchors, callouts, tables and quotes. Rich
text itself (TextBlock) and the anchors are the core's (apiwise/blocks/text.py)."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.rich_text import RichText

from apiwise.blocks.text import PREVIEW_TEMPLATE, HeadingValue, TextBlock


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
