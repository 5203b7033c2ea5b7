"""Blocks of the Health Check page: the steps of the service and the sections of the written
plan."""

from wagtail import blocks

from apiwise.blocks import PREVIEW_TEMPLATE


class StepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=300)

    class Meta:
        icon = "list-ol"
        label = "Step"
        template = "bookings/blocks/step.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "heading": "A 45-minute video call",
            "text": "We walk through your systems and the jobs people do by hand.",
        }
        description = "One step of how the Health Check works, in the order it happens."


class PlanSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=300)

    class Meta:
        icon = "doc-full"
        label = "Plan section"
        template = "bookings/blocks/plan_section.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "heading": "Your systems today",
            "text": "A map of the tools you run and how information moves between them.",
        }
        description = "One section of the written plan the prospect receives."


class IncludedItemBlock(blocks.CharBlock):
    class Meta:
        icon = "tick"
        label = "Item"
        preview_template = PREVIEW_TEMPLATE
        preview_value = "A written, prioritised plan with costs and time estimates"
        description = "One short line of what the price includes."
