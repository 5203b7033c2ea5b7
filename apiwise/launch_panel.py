"""The superusers' dashboard panel listing what `manage.py check --tag launch` lists: the
placeholders to replace before the site goes live. Hidden once there are none."""

from wagtail.admin.ui.components import Component

from apiwise import launch_checks


class LaunchChecksPanel(Component):
    name = "launch_checks"
    order = 50  # first: nothing else matters as much before launch
    template_name = "apiwise/admin/launch_checks_panel.html"

    def __init__(self):
        self.problems = launch_checks.run()

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.problems else ""

    def get_context_data(self, parent_context=None):
        return {"problems": self.problems}
