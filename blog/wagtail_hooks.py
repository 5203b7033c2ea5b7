"""The blog's additions to the Wagtail admin: "Import a guide" (blog/import_views.py), as a
URL, a menu item and a button in the header of the guide index's page listing. Each is shown
only to users who may add a guide under a guide index."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from blog import import_views


@hooks.register("register_admin_urls")
def register_import_guide_url():
    return [path("guides/import/", import_views.import_guide_view, name="blog_import_guide")]


class ImportGuideMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(import_views.indexes_for(request.user))


@hooks.register("register_admin_menu_item")
def register_import_guide_menu_item():
    return ImportGuideMenuItem(
        "Import a guide", reverse("blog_import_guide"), icon_name="doc-full", order=205
    )


@hooks.register("register_page_header_buttons")
def import_guide_header_button(page, user, view_name, next_url=None):
    from blog.models import GuideIndexPage

    if view_name != "index" or page.specific_class is not GuideIndexPage:
        return
    if page.permissions_for_user(user).can_add_subpage():
        url = f"{reverse('blog_import_guide')}?parent={page.pk}"
        yield Button("Import a guide", url, icon_name="doc-full", priority=16)
