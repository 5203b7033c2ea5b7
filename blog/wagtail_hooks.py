"""The blog's additions to the Wagtail admin: "Import a guide" (blog/import_views.py), as a
URL, a menu item and a button in the header of the guide index's page listing. Each is shown
only to users who may add a guide under a guide index."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from apiwise.templatetags.apiwise_tags import HOME_PAGE_SECTIONS
from blog import import_views
from blog.models.case_study import latest_case_studies


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


@hooks.register(HOME_PAGE_SECTIONS)
def case_studies_on_the_home_page(request, page):
    """The newest published case studies on the home page; nothing while none is."""
    return render_to_string(
        "blog/includes/case_studies_section.html",
        {
            "case_studies": latest_case_studies(),
            "heading": "Recent work",
            "heading_id": "case-studies-heading",
        },
        request=request,
    )
