"""Import a guide from a document: a Word file (.docx), a Markdown file (.md) or HTML pasted
from Google Docs becomes an unpublished draft guide whose body is real blocks, for an editor
to review, preview and publish.

    formats.py  each format to clean HTML
    limits.py   how big a document may be, checked before each expensive step
    sandbox.py  the conversion runs in a child process with a memory and a time limit
    parse.py    clean HTML to a flat list of items (headings, paragraphs, tables…)
    links.py    links to this site's pages become page links
    blocks.py   items to title, short answer, body blocks and notes
    pictures.py a Word document's pictures into the image library (in the web process)

`import_guide` is the one entry point (the admin view in blog/import_views.py calls it);
`convert_document` is its first half (blocks, no page), which the demo content's guides are
loaded through too.
"""

import re

from django.db import transaction
from django.utils.text import slugify
from wagtail.log_actions import log
from wagtail.models import Page

from apiwise.seo import plain_text
from blog.importer import formats, pictures, sandbox
from blog.importer.formats import MAX_UPLOAD
from blog.importer.limits import Limits
from blog.importer.links import LinkResolver
from blog.importer.parse import plain
from blog.importer.problem import ImportProblem

__all__ = ["MAX_UPLOAD", "ImportProblem", "convert_document", "import_guide"]

TITLE_LENGTH = 255
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


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

    `title` and `summary` (the standfirst) win over what the document says when given.
    Raises ImportProblem, with the form field it is about, when there is nothing usable."""
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
    summary = (summary or "").strip() or standfirst_from(result.short_answer)
    if not summary:
        raise ImportProblem(
            "Write a standfirst: the document has no short answer to take one from.", "summary"
        )
    with transaction.atomic():
        if may_add_images:
            pictures.add_to_library(
                result, guide_title=title, collection=image_collection, user=user
            )
        else:
            pictures.leave_out(result)
        page = ArticlePage(
            title=title,
            slug=unique_slug(index, title),
            summary=summary,
            short_answer=result.short_answer,
            body=result.blocks,
            import_notes="\n".join(f"• {note}" for note in result.notes),
            live=False,
            owner=user,
        )
        index.add_child(instance=page)
        page.save_revision(user=user)
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


def standfirst_from(html, limit=300):
    """The first sentence or two of rich text, as plain text of at most `limit` characters
    ending on a whole word."""
    text = plain(html)
    summary = ""
    for sentence in SENTENCE_END.split(text)[:2]:
        candidate = f"{summary} {sentence}".strip()
        if len(candidate) > limit:
            break
        summary = candidate
    return summary or plain_text(text, limit=limit)


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
