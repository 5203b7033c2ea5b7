"""What turns a converted document into a finished draft, one an editor can preview and
publish without fixing anything (run in the web process, by import_guide):

- a standfirst that never repeats the short answer: the document's introduction (a first
  paragraph after the short answer, before any section) when it fits, moved out of the
  body; else none, with a note asking for one;
- the importing editor as the author (their author profile, made from their name when they
  have none);
- the site's default call to action at the end, unless the document has its own;
- a search description drafted from the short answer and an SEO title that fits.

Each step that cannot decide for the editor says so in the notes.
"""

import re
from html import escape

from apiwise.seo import META_DESCRIPTION_LENGTH, META_TITLE_LENGTH, plain_text

STANDFIRST_LENGTH = 300  # ArticlePage.summary
FIRST_PARAGRAPH = re.compile(r"^<p>(.*?)</p>", re.DOTALL)


def standfirst_from_introduction(result):
    """The introduction's first paragraph as plain text, removed from `result`'s body, or ""
    (with a note) when the body does not open with a paragraph short enough to be one."""
    first = result.blocks[0] if result.blocks else None
    match = FIRST_PARAGRAPH.match(first["value"]) if first and first["type"] == "text" else None
    text = plain_text(match[1], limit=None) if match else ""
    if text and len(text) <= STANDFIRST_LENGTH:
        rest = first["value"][match.end() :]
        if plain_text(rest, limit=None):
            first["value"] = rest
        else:
            result.blocks.pop(0)
        return text
    if text:
        why = f"its first paragraph is longer than {STANDFIRST_LENGTH} characters"
    else:
        why = "nothing comes between the short answer and the first section"
    result.notes.append(
        f"The guide has no standfirst yet ({why}, and the standfirst must not repeat the "
        "short answer): write one or two sentences under the title before publishing."
    )
    return ""


def author_for(user, notes):
    """The author profile of `user` (linked to them): theirs, else the unlinked author of
    their name, else a new one made from their name. None, with a note, when the user has no
    name to credit."""
    from blog.models import Author

    if user is None or not user.is_authenticated:
        return None
    author = Author.objects.filter(user=user).first()
    if author is not None:
        return author
    name = " ".join(user.get_full_name().split())
    if not name:
        notes.append(
            "The guide has no author: your account has no name to credit. Choose the author "
            "under “About this guide”, and add your name to your account."
        )
        return None
    author = Author.objects.filter(user__isnull=True, name__iexact=name).first()
    if author is None:
        return Author.objects.create(name=name[:100], user=user)
    author.user = user
    author.save(update_fields=["user"])
    return author


def end_with_call_to_action(result, site):
    """The site's default call to action appended to `result`'s blocks, unless the document
    has a call to action of its own."""
    if site is None or any(block["type"] == "call_to_action" for block in result.blocks):
        return
    block = default_call_to_action(site, result.notes)
    if block is not None:
        result.blocks.append(block)


def default_call_to_action(site, notes):
    """The call_to_action block an imported guide ends with: the site settings' default
    wording, else the home page's call to action. None, with a note, when neither says
    anything or nowhere is set for its button."""
    from apiwise.models import SiteSettings

    settings = SiteSettings.for_site(site)
    home = site.root_page.specific
    heading = settings.default_cta_heading or getattr(home, "cta_heading", "")
    text = settings.default_cta_text or getattr(home, "cta_text", "")
    button = settings.default_cta_button_label or getattr(home, "cta_button_label", "")
    page_id = settings.default_cta_page_id or getattr(home, "cta_page_id", None)
    if not (heading and text and page_id):
        notes.append(
            "The guide has no call to action: the document has none, and the site's default "
            "(Settings › Site settings › Default call to action) is not set. Add a Call to "
            "action block at the end."
        )
        return None
    paragraphs = "".join(f"<p>{escape(part)}</p>" for part in text.split("\n\n") if part.strip())
    value = {"heading": heading, "text": paragraphs, "button_label": button, "page": page_id}
    return {"type": "call_to_action", "value": value}


def search_description(short_answer):
    """The short answer as a search description: at most 160 characters, ending on a word."""
    return plain_text(short_answer, limit=META_DESCRIPTION_LENGTH)


def seo_title(title, notes):
    """ "" when the title itself fits the 60 characters search engines show; else the title
    cut at a word, with a note to check it."""
    if len(title) <= META_TITLE_LENGTH:
        return ""
    short = plain_text(title, limit=META_TITLE_LENGTH).removesuffix("…").rstrip(" :,;–—-")
    notes.append(
        f"The title is longer than the {META_TITLE_LENGTH} characters search results show: "
        f"the title for search engines (Promote tab) is “{short}”. Check it reads well."
    )
    return short
