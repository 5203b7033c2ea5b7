"""Markdown exported from Notion (Export › Markdown & CSV): the page's properties as
"Name: value" lines under its title, callouts as <aside> and toggles as <details>. Markdown
files are read with raw HTML off (formats.py), so those few tags would show as typed-out
text: here they become the Markdown the converter reads, before markdown-it sees the text.

- the properties (Tags, Status, Created…) are left out, with a note: a guide's topics and
  dates are set in the editor;
- an <aside> callout becomes an admonition, its kind from its icon (💡 a tip, ⚠️ a warning,
  anything else information);
- a <details> toggle becomes its <summary> as a bold line followed by its text, so toggles
  under an "FAQs" heading are its questions.
"""

import re
import textwrap

TITLE = re.compile(r"\A\s*# .+\n")
PROPERTY = re.compile(r"^(?P<name>[A-Z][\w .'/()&-]{0,39}):[ \t]+\S")
# Names Notion gives properties itself; one property alone is taken only when it is one.
NOTION_NAMES = {
    "tags", "status", "created", "created by", "created time", "last edited",
    "last edited by", "last edited time", "owner", "type", "category", "date", "assignee",
}  # fmt: skip
NOT_PROPERTIES = re.compile(r"^(the\s+)?short\s+answer\b", re.IGNORECASE)
ASIDE = re.compile(r"^<aside>[ \t]*\n(?P<inside>.*?)^</aside>[ \t]*$", re.DOTALL | re.MULTILINE)
DETAILS = re.compile(
    r"^<details>[ \t]*\n\s*<summary>(?P<summary>.*?)</summary>[ \t]*\n(?P<inside>.*?)"
    r"^\s*</details>[ \t]*$",
    re.DOTALL | re.MULTILINE,
)
ICON = re.compile(r"^\s*(?P<icon>[^\w\s<>*_#`\[(\"'-]{1,3})\s*")
WARNING_ICONS = ("⚠", "❗", "‼", "🚨", "⛔", "🛑", "❌")


def from_notion(text, notes):
    """`text` with Notion's properties, callouts and toggles as plain Markdown; a note added
    to the list `notes` for what was left out."""
    text, names = without_properties(text)
    if names:
        notes.append(
            f"The lines under the title ({', '.join(names)}) look like a Notion page's "
            "properties: they were left out. Set the guide's topics and date in the editor."
        )
    text = ASIDE.sub(callout, text)
    return DETAILS.sub(toggle, text)


def without_properties(text):
    """(`text` without the "Name: value" lines straight under its "# Title", their names),
    or (`text`, []) when the lines there are not properties."""
    title = TITLE.match(text)
    if not title:
        return text, []
    rest = text[title.end() :]
    gap = len(rest) - len(rest.lstrip("\n"))
    block, _, after = rest[gap:].partition("\n\n")
    lines = block.split("\n")
    matches = [PROPERTY.match(line) for line in lines]
    if not all(matches) or any(NOT_PROPERTIES.match(line) for line in lines):
        return text, []
    names = [match["name"].strip() for match in matches]
    if len(names) == 1 and names[0].lower() not in NOTION_NAMES:
        return text, []
    return text[: title.end()] + "\n" + after, names


def callout(match):
    inside = textwrap.dedent(match["inside"]).strip("\n")
    icon = ICON.match(inside)
    kind = "note"
    if icon:
        kind = "tip" if "💡" in icon["icon"] else "note"
        if any(mark in icon["icon"] for mark in WARNING_ICONS):
            kind = "warning"
        inside = inside[icon.end() :]
    body = textwrap.indent(inside, "    ")
    return f'!!! {kind} ""\n{body}\n'


def toggle(match):
    summary = " ".join(match["summary"].replace("**", "").split())
    inside = textwrap.dedent(match["inside"]).strip("\n")
    return f"**{summary}**\n\n{inside}\n"
