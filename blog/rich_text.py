"""Rich text with page links resolved from one lookup per page view.

Wagtail resolves `<a linktype="page" id="…">` once per rich-text value (two queries each), so a
guide with links in several paragraphs, a call to action and FAQ answers would cost a query
pair per block. The page collects every linked page id up front (`page_link_urls`), looks them
up once, and blocks render through `expand()`; anything else (documents, e-mail, external
links) still goes through Wagtail's own expansion."""

import re
from collections.abc import Iterable, Mapping

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page
from wagtail.rich_text import RichText, expand_db_html
from wagtail.rich_text.rewriters import extract_attrs

A_TAG = re.compile(r"<a\b([^>]*)>")


def _source(value):
    if isinstance(value, RichText):
        return value.source
    return str(value or "")


def linked_page_ids(*sources):
    ids = set()
    for source in sources:
        for match in A_TAG.finditer(_source(source)):
            attrs = extract_attrs(match.group(1))
            if attrs.get("linktype") == "page" and str(attrs.get("id", "")).isdigit():
                ids.add(int(attrs["id"]))
    return ids


def strings_in(data):
    """Every string inside raw StreamField data (where rich text sources live)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, Mapping):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, Iterable):
        for value in data:
            yield from strings_in(value)


def page_link_urls(*sources):
    """{page id: url} for every page linked from the given rich text sources: one query."""
    ids = linked_page_ids(*[s for s in sources if "linktype" in _source(s)])
    if not ids:
        return {}
    return {page.pk: page.url for page in Page.objects.filter(pk__in=ids)}


def expand(value, urls=None):
    """Render rich text, using `urls` for page links when given."""
    source = _source(value)
    if urls is not None:

        def replace(match):
            attrs = extract_attrs(match.group(1))
            if attrs.get("linktype") != "page":
                return match.group(0)
            url = urls.get(int(attrs["id"])) if str(attrs.get("id", "")).isdigit() else None
            return f'<a href="{escape(url)}">' if url else "<a>"

        source = A_TAG.sub(replace, source)
    return mark_safe(expand_db_html(source))  # noqa: S308 - rich text from the editor
