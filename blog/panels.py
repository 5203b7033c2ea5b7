"""Admin panels of the blog's pages."""

from wagtail.admin.panels import Panel


class SeriesPartsPanel(Panel):
    """On a series hub's edit form: the guides in the series, in reading order, each with a
    link to its own edit form, where it joins or leaves the series."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "blog/admin/series_parts_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["parts"] = self.instance.parts_for_editors() if self.instance.pk else []
            return context
