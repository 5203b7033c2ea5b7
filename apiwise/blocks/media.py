"""The site's own SVG diagrams, each with the text that says what it shows: placed in guides
and shown on the Health Check page."""

from wagtail import blocks

from apiwise.blocks.text import PREVIEW_TEMPLATE

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
        template = "apiwise/blocks/diagram.html"
        value_class = DiagramValue
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"diagram": "layers-api-integration-automation", "caption": ""}
        description = "One of the site's own diagrams, with its text alternative built in."
