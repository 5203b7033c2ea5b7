# Case studies were snippets here; they are pages now (blog.CaseStudyPage). Each existing
# snippet becomes a draft case study page under the case study listing (made, as a draft, under
# the home page when there is none), for staff to check and publish; then the snippet goes.

import uuid
from html import escape

from django.db import migrations
from django.utils.text import slugify

# Wagtail's page tree (django-treebeard's materialised path): 4 characters per level.
STEP = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _next_child_path(Page, parent):
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = 1 if last is None else int(last[-STEP:], 36) + 1  # treebeard counts from 1
    digits = ""
    for _ in range(STEP):
        number, remainder = divmod(number, 36)
        digits = ALPHABET[remainder] + digits
    return parent.path + digits


def _free_slug(Page, parent, wanted):
    taken = set(
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).values_list(
            "slug", flat=True
        )
    )
    slug, number = wanted, 1
    while slug in taken:
        number += 1
        slug = f"{wanted}-{number}"
    return slug


def _add_draft_child(apps, parent, model, title, slug, **fields):
    """A draft page of `model` under `parent`, as Page.add_child would make it."""
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=model._meta.app_label, model=model._meta.model_name
    )
    slug = _free_slug(Page, parent, slug)
    page = model.objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        path=_next_child_path(Page, parent),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        live=False,
        has_unpublished_changes=True,
        locale_id=parent.locale_id,
        translation_key=uuid.uuid4(),
        **fields,
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    parent.numchild += 1
    return page


def _listing(apps):
    """The case study listing page, made as a draft under the home page if missing."""
    Page = apps.get_model("wagtailcore", "Page")
    Index = apps.get_model("blog", "CaseStudyIndexPage")
    index = Index.objects.order_by("path").first()
    if index is not None:
        return Page.objects.get(pk=index.pk)
    home = apps.get_model("apiwise", "HomePage").objects.order_by("path").first()
    parent = Page.objects.get(pk=home.pk) if home else Page.objects.filter(depth=1).first()
    index = _add_draft_child(apps, parent, Index, "Case studies", "case-studies", intro="")
    return Page.objects.get(pk=index.pk)


def snippets_to_pages(apps, schema_editor):
    OldCaseStudy = apps.get_model("bookings", "CaseStudy")
    if not OldCaseStudy.objects.exists():
        return
    Page = apps.get_model("wagtailcore", "Page")
    CaseStudyPage = apps.get_model("blog", "CaseStudyPage")
    CaseStudyGuide = apps.get_model("blog", "CaseStudyGuide")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    listing = _listing(apps)
    for old in OldCaseStudy.objects.order_by("pk"):
        page = _add_draft_child(
            apps,
            listing,
            CaseStudyPage,
            old.title,
            slugify(old.title)[:200] or "case-study",
            summary=old.problem[:300],
            client_name=old.client,
            problem=f"<p>{escape(old.problem)}</p>",
            solution="",
            results=f"<p>{escape(old.outcome)}</p>",
            permission_note=old.permission_note,
        )
        listing.refresh_from_db()
        # The old snippet's "full story" page, when it was a guide, is a related guide now.
        if old.page_id and Page.objects.filter(
            pk=old.page_id, content_type__app_label="blog", content_type__model="articlepage"
        ).exists():
            CaseStudyGuide.objects.create(page_id=page.pk, guide_id=old.page_id, sort_order=0)
    # The snippets' own revisions go with them.
    old_type = ContentType.objects.filter(app_label="bookings", model="casestudy").first()
    if old_type is not None:
        OldCaseStudy.objects.update(latest_revision=None, live_revision=None)
        Revision.objects.filter(base_content_type=old_type).delete()
        Revision.objects.filter(content_type=old_type).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0015_clamp_slot_settings_to_their_bounds"),
        ("blog", "0010_case_studies_and_team"),
        ("apiwise", "0008_terms_page"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(snippets_to_pages, migrations.RunPython.noop),
        migrations.DeleteModel(name="CaseStudy"),
    ]
