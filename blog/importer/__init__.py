"""Import a guide from a document: a Word file (.docx), a Markdown file (.md) or HTML pasted
from Google Docs becomes an unpublished draft guide whose body is real blocks, for an editor
to review, preview and publish.

    formats.py  each format to clean HTML
    limits.py   how big a document may be, checked before each expensive step
    sandbox.py  the conversion runs in a child process with a memory and a time limit
    parse.py    clean HTML to a flat list of items (headings, paragraphs, tables…)
    links.py    links to this site's pages become page links
    blocks.py   items to title, short answer, body blocks and notes
    sources.py  where a Markdown file's or pasted HTML's pictures come from (a .zip, data:, https://)
    fetch.py    pictures at https:// addresses, fetched by the web process (apiwise/outbound.py)
    pictures.py a document's pictures into the image library (in the web process)
    finishing.py standfirst, author, call to action and search fields: a finished draft

`import_guide` is the one entry point (the admin view in blog/import_views.py calls it);
`convert_document` is its first half (blocks, no page), which the demo content's guides are
loaded through too.
"""

from django.db import transaction
from django.utils.text import slugify
from wagtail.log_actions import log
from wagtail.models import Page

from blog.importer import fetch, finishing, formats, pictures, sandbox
from blog.importer.formats import MAX_UPLOAD
from blog.importer.limits import Limits
from blog.importer.links import LinkResolver
from blog.importer.problem import ImportProblem

__all__ = ["MAX_UPLOAD", "ImportProblem", "convert_document", "import_guide"]

TITLE_LENGTH = 255


def import_guide(
    index,
    *,
    title=None,
    summary="",
    file=None,
    html="",
    user=None,
    image_collection=None,
    may_add_images=True,
):
    """Create an unpublished ArticlePage under `index` (a GuideIndexPage) from `file` (an
    uploaded .docx, .md or .html) or `html` (pasted), with a first revision by `user`. The
    document's pictures go in `image_collection` (the root collection when None); when the
    user `may_add_images` nowhere, they are left out, with a note.

    `title` and `summary` (the standfirst) win over what the document says when given (see
    finishing.py for the rest). Raises ImportProblem, with the form field it is about, when there is nothing usable."""
    from blog.models import ArticlePage

    result, file_title = convert_document(index, file=file, html=html)
    field = "file" if file is not None else "html"
    if result.empty:
        raise ImportProblem(
            "There is nothing to import: no headings, paragraphs or tables were found. Check "
            "it is the right document.",
            field,
        )
    title = one_line((title or "").strip() or result.title or file_title, TITLE_LENGTH)
    if not title:
        raise ImportProblem(
            "Give the guide a title: the text has no Heading 1 to take one from.", "title"
        )
    site = index.get_site()
    notes = result.notes
    summary = (summary or "").strip() or finishing.standfirst_from_introduction(result)
    finishing.end_with_call_to_action(result, site)
    if may_add_images:
        fetch.fetch_remote(result)  # before the transaction: a slow server holds no lock
    with transaction.atomic():
        if may_add_images:
            pictures.add_to_library(
                result, guide_title=title, collection=image_collection, user=user
            )
        else:
            pictures.leave_out(result)
        author = finishing.author_for(user, notes)
        page = ArticlePage(
            title=title,
            slug=unique_slug(index, title),
            summary=summary,
            short_answer=result.short_answer,
            body=result.blocks,
            search_description=finishing.search_description(result.short_answer),
            seo_title=finishing.seo_title(title, notes),
            live=False,
            owner=user,
        )
        page.authors = [author] if author else []
        page.import_notes = "\n".join(f"• {note}" for note in notes)
        index.add_child(instance=page)
        # A draft may be incomplete (no standfirst yet), as one saved in the editor may.
        page.save_revision(user=user, clean=False)
        log(instance=page, action="wagtail.create", user=user)
    return page


def convert_document(index, *, file=None, html=""):
    """(the document as blocks.Result, a title made from the file name), links resolved on
    the site of `index`; the notes include the links' notes. The conversion itself runs in a
    child process (sandbox.py)."""
    name, data = formats.read_upload(file) if file is not None else ("", b"")
    links = LinkResolver(index.get_site())
    result = sandbox.convert(
        name=name,
        data=data,
        html=html,
        resolve_link=links,
        cta_page_id=call_to_action_page_id(index.get_site()),
        limits=Limits.from_settings(),
    )
    result.notes += links.notes
    return result, formats.title_from_file_name(name)


def one_line(text, limit):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def call_to_action_page_id(site):
    """Where calls to action send readers: the site's default call to action page (site
    settings), else the one the home page's call to action leads to; None when neither is
    set."""
    from apiwise.models import SiteSettings

    if site is None:
        return None
    chosen = SiteSettings.for_site(site).default_cta_page_id
    return chosen or getattr(site.root_page.specific, "cta_page_id", None)


def unique_slug(index, title):
    """The title's slug, numbered when another page under the index already has it."""
    base = slugify(title)[:240].strip("-") or "imported-guide"
    taken = set(
        Page.objects.child_of(index).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
