"""The admin's "Import a guide" page (/admin/guides/import/): upload a .docx or Markdown file,
or paste from Google Docs, and get a draft guide to review, preview and publish.

Only users who may add a page under a guide index can use it; the draft goes under the index
given as ?parent=<id> (the index listing's header button passes it), else the first one the
user may add to."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin.auth import permission_denied
from wagtail.admin.forms.collections import CollectionChoiceField
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from blog.importer import ImportProblem, import_guide
from blog.importer.formats import (
    ACCEPT,
    MAX_UPLOAD,
    READERS,
    extension,
    too_big_message,
    wrong_type_message,
)

MEGABYTES = MAX_UPLOAD // 1024 // 1024


class ImportGuideForm(forms.Form):
    file = forms.FileField(
        label="Document",
        required=False,
        help_text=f"A Word document (.docx), a Markdown file (.md), a web page saved from Word "
        f"or Google Docs (.html) or a .zip of a Markdown file and its pictures (a Notion "
        f"export), up to {MEGABYTES} MB. "
        "The first Heading 1 becomes the title; Heading 2 and 3 become headings.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        error_messages={
            "empty": "That file is empty. Check it is the right one and upload it again.",
            "invalid": "No file was received. Choose the file again.",
        },
    )
    html = forms.CharField(
        label="Or paste from Google Docs",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "data-import-paste": ""}),
        help_text="In Google Docs, select everything (Ctrl+A or ⌘A), copy, and paste here: "
        "headings, bold, italics, links, lists, tables and pictures are kept.",
    )
    title = forms.CharField(
        required=False,
        max_length=255,
        help_text="Leave blank to use the document's first Heading 1 (or the file's name).",
    )
    summary = forms.CharField(
        label="Standfirst",
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One or two sentences under the title. Leave blank to use the document's "
        "introduction (a first paragraph after the short answer, before any heading).",
    )

    image_collection = CollectionChoiceField(
        label="Collection for the pictures",
        queryset=Collection.objects.none(),
        required=False,
        empty_label=None,
        help_text="The document's pictures are added to the image library, in this collection.",
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The collections the editor may add images to, as on the image library's own upload
        # form; the root collection (the library's default) first when allowed.
        image_permissions = policy_registry.get_by_type(get_image_model())
        collections = image_permissions.collections_user_has_permission_for(user, "add")
        self.fields["image_collection"].queryset = collections.order_by("path")
        self.may_add_images = collections.exists()
        if not self.may_add_images:
            del self.fields["image_collection"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        if extension(upload.name) not in READERS:
            raise forms.ValidationError(wrong_type_message(upload.name))
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(too_big_message(upload.size))
        return upload

    def clean(self):
        data = super().clean()
        has_file = bool(data.get("file")) or "file" in self.errors
        has_text = bool((data.get("html") or "").strip())
        if not has_file and not has_text:
            self.add_error("file", "Choose a document to upload, or paste the guide below.")
        elif data.get("file") and has_text:
            self.add_error("html", "Upload a file or paste the text, not both: clear one.")
        return data


def indexes_for(user):
    """The guide indexes `user` may add a guide under, in tree order."""
    from blog.models import ArticlePage, GuideIndexPage

    return [
        index
        for index in GuideIndexPage.objects.order_by("path")
        if ArticlePage.can_create_at(index) and index.permissions_for_user(user).can_add_subpage()
    ]


def import_guide_view(request):
    indexes = indexes_for(request.user)
    if not indexes:
        return permission_denied(request)
    wanted = request.GET.get("parent", "")
    index = next((i for i in indexes if str(i.pk) == wanted), indexes[0])

    form = ImportGuideForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        user=request.user,
        initial={"image_collection": Collection.get_first_root_node()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            page = import_guide(
                index,
                title=data["title"],
                summary=data["summary"],
                file=data["file"] or None,
                html=data["html"],
                user=request.user,
                image_collection=data.get("image_collection"),
                may_add_images=form.may_add_images,
            )
        except ImportProblem as problem:
            form.add_error(problem.field, str(problem))
        else:
            if page.import_notes:
                message = (
                    f"Imported “{page.title}” as a draft. Check the notes at the top, then "
                    "preview and publish."
                )
            else:
                message = f"Imported “{page.title}” as a draft. Preview it, then publish."
            messages.success(request, message)
            return redirect("wagtailadmin_pages:edit", page.pk)

    return TemplateResponse(
        request,
        "blog/admin/import_guide.html",
        {"form": form, "index": index, "max_megabytes": MEGABYTES},
    )
