"""Markdown (.md) as HTML: markdown-it-py (CommonMark plus GitHub's tables, footnotes and task
lists, and admonitions; raw HTML off: a Markdown file is text, not markup to trust), after its
YAML front matter and Notion's properties, callouts and toggles (notion.py)."""

import re

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from blog.importer.footnotes import footnotes_as_notes
from blog.importer.limits import Limits, check_html, check_markdown
from blog.importer.notion import from_notion
from blog.importer.problem import ImportProblem

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
MARKDOWN = (
    MarkdownIt("commonmark", {"html": False})
    .enable(["table", "strikethrough"])
    .use(admon_plugin)
    .use(gfm_autolink_plugin)  # bare https://… and www.… addresses, as GitHub links them
    .use(footnote_plugin)
    .use(tasklists_plugin)  # "- [ ] step": the box is dropped, the step kept
)


def markdown_text(data):
    """A Markdown file's bytes as text."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            data = data.decode("cp1252", errors="replace")  # Windows Notepad's default
    return data.replace("\r\n", "\n")


def front_matter(text):
    """(the YAML front matter of static-site generators as a dict, the text after it), or
    ({}, text) when the text does not start with a mapping between two "---" lines."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        fields = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        raise ImportProblem(
            f"The front matter at the top of the file (between the two --- lines) could not "
            f"be read{line}. Check its “name: value” lines, or remove it."
        ) from error
    if not isinstance(fields, dict):
        return {}, text  # a thematic break and a heading, not front matter
    return fields, text[match.end() :]


def markdown_to_html(data, limits=None, notes=None):
    limits = limits or Limits.from_settings()
    fields, text = front_matter(markdown_text(data))
    check_markdown(text, limits)
    text = from_notion(text, [] if notes is None else notes)
    # The front matter's title is the guide's when the text has none.
    title = " ".join(str(fields.get("title") or "").split())
    if title and not re.search(r"^# ", text, re.MULTILINE):
        text = f"# {title}\n\n{text}"
    html = MARKDOWN.render(text)
    check_html(html, limits)
    return footnotes_as_notes(typed_tags_as_tags(html))


# Tags people type in Markdown for what it has no syntax for (a line break in a table cell,
# underline, a key): with raw HTML off they would show as text. Only these, bare (no
# attributes), outside code, become tags again; the converter keeps their text.
TYPED_TAG = re.compile(r"&lt;(/?)(br|u|sup|sub|kbd|mark|ins|del|s)\s*/?&gt;", re.IGNORECASE)
CODE = re.compile(r"(<code\b.*?</code>|<pre\b.*?</pre>)", re.DOTALL)


def typed_tags_as_tags(html):
    parts = CODE.split(html)
    return "".join(
        part if number % 2 else TYPED_TAG.sub(lambda m: f"<{m[1]}{m[2].lower()}>", part)
        for number, part in enumerate(parts)
    )
