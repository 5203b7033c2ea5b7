"""Checks an editor sees when they publish a page: warnings, not refusals. Search engines show
about 60 characters of a title and 160 of a description, and a link to an unpublished page is a
dead end for visitors."""

from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.dateformat import format as format_date
from wagtail.models import Page

from apiwise.seo import META_DESCRIPTION_LENGTH, META_TITLE_LENGTH

UK = ZoneInfo("Europe/London")


def linked_page_ids(page):
    """Ids of the pages the page links to (rich text, calls to action, page choosers), from
    Wagtail's reference index, brought up to date for this page now (production updates it in
    the background, which may not have run yet)."""
    from wagtail.models import ReferenceIndex

    ReferenceIndex.create_or_update_for_object(page)
    references = ReferenceIndex.get_references_for_object(page).filter(
        to_content_type__app_label="wagtailcore", to_content_type__model="page"
    )
    return {int(object_id) for object_id in references.values_list("to_object_id", flat=True)}


def warnings_for(page):
    """Plain-English warnings about the page as published."""
    warnings = []
    title = page.seo_title or page.title
    if len(title) > META_TITLE_LENGTH:
        field = "SEO title" if page.seo_title else "title"
        warnings.append(
            f"The {field} is {len(title)} characters: search engines show about "
            f"{META_TITLE_LENGTH}. Add a shorter SEO title on the Promote tab."
        )
    description = page.search_description.strip()
    if not description:
        warnings.append(
            "There is no search description (Promote tab): search engines will pick their own "
            "text from the page."
        )
    elif len(description) > META_DESCRIPTION_LENGTH:
        warnings.append(
            f"The search description is {len(description)} characters: search engines cut it "
            f"at about {META_DESCRIPTION_LENGTH}."
        )
    unpublished = Page.objects.filter(pk__in=linked_page_ids(page), live=False).order_by("title")
    for target in unpublished:
        warnings.append(
            f"It links to “{target.title}”, which is not published: visitors will find a dead "
            "end until it is."
        )
    return warnings


def message_after_publishing(page):
    """One message for the editor that says plainly what publishing did (the page is live
    now, or only scheduled) and what to look at, or None when there is nothing to look at:
    "Scheduled to go live on Tuesday 8 December 2026 at 09:00 (UK time), with 2 warnings: …"
    or "Published, with 2 warnings: …". A scheduled version is checked as it will go live (a
    live page keeps showing its current version until then)."""
    scheduled = page.scheduled_revision
    go_live_at = scheduled.approved_go_live_at if scheduled else None
    if go_live_at and go_live_at > timezone.now():
        page = scheduled.as_object()
        when = format_date(go_live_at.astimezone(UK), r"l j F Y \a\t H:i")
        outcome = f"Scheduled to go live on {when} (UK time)"
    else:
        outcome = "Published"
    warnings = warnings_for(page)
    if not warnings:
        return None
    count = f"{len(warnings)} warning{'' if len(warnings) == 1 else 's'}"
    listed = " ".join(f"({number}) {warning}" for number, warning in enumerate(warnings, 1))
    return f"{outcome}, with {count}: {listed}"
