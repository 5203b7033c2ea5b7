"""Clean HTML (from blog/importer/formats.py) as a guide: its title, short answer, body blocks
(in the raw StreamField form blog/demo.py writes) and notes on what could not be mapped.

The rules, in the order a document is read:

- a document without any heading style (or with none but its title's) gets its headings
  from its short bold-only lines (the first line, when bold, is the title);
- the first <h1> (Word's Title style or Heading 1) is the title (not a block). When later
  <h1>s follow it, the document's sections are Heading 1s: every later heading moves one
  level down (Heading 1 a section, Heading 2 a sub-heading or an FAQ's question);
- a "Short answer" / "The short answer" heading: the paragraphs after it, up to anything that
  is not a paragraph, are the short answer. Without one, a paragraph that starts "Short
  answer:" (before the first section) is, without its label; else the first paragraph;
- "FAQs", "FAQ" or "Frequently asked questions" starts an FAQ block that runs to the next
  h2. Its questions are the sub-headings if it has any, else its bold-only paragraphs, else
  its paragraphs ending in "?"; the paragraphs and lists after a question are its answer;
- a call to action is an h2 that starts "How APIwise can help" or "Want this set up
  properly", or one of the last two h2s whose paragraphs link to the Health Check page. Its
  paragraphs and lists (up to anything else) are its text; its button goes to that page, and
  a last paragraph that is nothing but a link to that page is the button's label;
- consecutive paragraphs and lists are one text block (a horizontal line between them makes
  two); a table, code sample, quotation or callout each its own block; a "Table: …"
  paragraph (or one in Word's Caption style) just before a table is its caption;
- a picture that came with the document is an image block where it stood (after the text of
  the paragraph that held it); a paragraph in Word's Caption style right after it is its
  caption. Pictures in FAQ answers and callouts, which hold text only, follow those blocks;
- a callout is a Markdown admonition (`!!! tip "Title"` then indented text; kinds info,
  note, tip, warning…) or GitHub's alert (`> [!TIP]`);
- a code block in the language "diagram" is one of the site's diagrams: its first line is
  the diagram's name, the rest its caption.

Whatever cannot be mapped keeps its text (as a paragraph in the nearest text) and gets a
note, so that nothing is lost without the editor being told. An image that cannot be brought
in leaves no placeholder on the page: the note names it by its description.
"""

import re
from dataclasses import dataclass, field
from html import escape

from blog.blocks import DIAGRAMS, anchor_from, table_value
from blog.importer.parse import CONTINUED_LIST, Item, Parser, language_key
from blog.importer.sections import FAQ, Sections, h2_level

HEADING_LENGTH = 120  # HeadingBlock's
SHORT_ANSWER = re.compile(r"^(the\s+)?short\s+answer\W*$", re.IGNORECASE)
SHORT_ANSWER_LABEL = re.compile(r"^(the\s+)?short\s+answer\s*[:.–—-]", re.IGNORECASE)
# The label in a paragraph's HTML, bold or not, with its colon inside the bold or after it.
LABEL_HTML = re.compile(
    r"^<p>(?:(?P<bold><b>)\s*(?:the\s+)?short\s+answer\s*[:.–—-]?\s*(?P<closed></b>)?"
    r"|(?:the\s+)?short\s+answer)\s*[:.–—-]?\s*",
    re.IGNORECASE,
)
TABLE_CAPTION = re.compile(r"^table(\s+\d+)?\s*:\s*", re.IGNORECASE)
ADVICE = {
    "An image": "was not imported: add it with an Image block",
    "An embedded item (video, frame or drawing)": "was not imported: add it by hand if needed",
    "A table inside a table": "was flattened to text: check the table",
    "A table inside a list": "was kept as text in the list: check it",
    "A link inside a table": "was kept as text only (table cells hold plain text)",
    "An image inside a table": "was not imported (table cells hold plain text)",
    "Merged table cells": "were split into separate cells: check the table's layout",
    CONTINUED_LIST: "starts at 1 here, as the site's lists always do: check its steps still "
    "read right, or join it to the list before",
    "Struck-through text": "was left out (a guide's text cannot be struck through): put it "
    "back if it should show",
}


@dataclass
class Result:
    title: str = ""
    short_answer: str = ""
    blocks: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    empty: bool = True  # nothing but what could not be imported (or nothing at all)
    # The pictures image blocks show, by number ({"content_type", "data" (base64)}): an image
    # block's "image" is that number until pictures.py puts them in the image library.
    pictures: dict = field(default_factory=dict)


def without_label(html):
    """A paragraph's HTML without its leading "Short answer:"."""

    def keep_bold(match):
        return "<p><b>" if match["bold"] and not match["closed"] else "<p>"

    html = LABEL_HTML.sub(keep_bold, html, count=1)
    # "Short answer: yes, …" reads "Yes, …" on its own.
    return re.sub(r"^(<p>(?:<b>)?)([a-z])", lambda match: match[1] + match[2].upper(), html)


def typed_headings_only(items):
    """True when the document's headings, if any, are typed as bold lines: it has no heading
    style at all, or only its title has one (Word's Title style, then bold lines)."""
    levels = [item.level for item in items if item.kind == "heading"]
    return levels in ([], [1])


def bold_lines_as_headings(items):
    """A document whose headings are typed as bold lines (see typed_headings_only): each
    short bold-only paragraph is a heading, the first a Heading 1 (the title) when nothing
    comes before it. A bold line ending in "?" stays a paragraph: an FAQ's question."""
    for number, item in enumerate(items):
        if (
            item.kind == "p"
            and item.data["bold_only"]
            and not item.data["caption"]
            and len(item.text) <= HEADING_LENGTH
            and not item.text.endswith(("?", ".", ":"))
        ):
            level = 1 if number == 0 else 2
            items[number] = Item("heading", text=item.text, level=level)


def convert(html, *, resolve_link, cta_page_id=None, pictures=0):
    """`resolve_link(href, text)` gives ("page", id), ("url", href) or None; `cta_page_id` is
    the Health Check page, where calls to action send readers; `pictures` is how many
    pictures came with the HTML."""
    items = Parser(resolve_link, pictures).parse(html)
    return Builder(items, cta_page_id).build()


class Builder(Sections):
    def __init__(self, items, cta_page_id):
        self.items, self.cta_page_id = items, cta_page_id
        self.result = Result()
        self.text = []  # paragraphs and lists waiting to become one text block
        self.near = ""  # the last heading: where notes say something was

    def build(self):
        items = self.items
        if typed_headings_only(items):
            bold_lines_as_headings(items)
        headings = [i for i, item in enumerate(items) if item.kind == "heading"]
        title_at = next((i for i in headings if items[i].level == 1), None)
        if any(items[i].level == 1 for i in headings if i != title_at):
            for i in headings[headings.index(title_at) + 1 :]:
                items[i].level += 1
        short_at = next((i for i in headings if SHORT_ANSWER.match(items[i].text)), None)
        sections = [i for i in headings if h2_level(items[i]) and i not in (title_at, short_at)]
        calls = {i for i in sections if self.is_call_to_action(i, sections)}
        labelled_at = None
        if short_at is None:
            before_sections = items[: sections[0]] if sections else items
            labelled_at = next(
                (
                    i
                    for i, item in enumerate(before_sections)
                    if item.kind == "p" and SHORT_ANSWER_LABEL.match(item.text)
                ),
                None,
            )
        self.result.title = items[title_at].text if title_at is not None else ""
        # Pictures alone are no guide either: the message asks for headings, paragraphs or tables.
        self.result.empty = all(item.kind in ("lost", "break", "picture") for item in items)
        need_short = short_at is None and labelled_at is None
        i = 0
        while i < len(items):
            item = items[i]
            if i == title_at:
                i += 1
            elif i == short_at:
                i = self.short_answer(i)
            elif i == labelled_at:
                self.result.short_answer = without_label(item.html)
                i += 1
            elif item.kind == "heading" and h2_level(item) and FAQ.match(item.text):
                i = self.faq(i) or self.heading(i)
            elif i in calls:
                i = self.call_to_action(i)
            elif item.kind == "heading":
                i = self.heading(i)
            elif item.kind == "p" and need_short and not item.data["caption"]:
                need_short = False
                self.result.short_answer = item.html
                self.note(
                    "There was no “Short answer” heading, so the first paragraph became "
                    "the short answer: check it."
                )
                i += 1
            else:
                self.body_item(i)
                i += 1
        self.flush()
        self.check_anchors()
        return self.result

    # Sections -----------------------------------------------------------------------------

    def run_of(self, start, kinds=("p", "list", "lost")):
        """The index after the items of `kinds` that follow `start`."""
        end = start + 1
        while end < len(self.items) and self.items[end].kind in kinds:
            end += 1
        return end

    def heading(self, i):
        text = self.items[i].text
        self.flush()
        level = "h2" if self.items[i].level <= 2 else "h3"
        self.add("heading", {"text": text, "level": level, "anchor": ""})
        self.near = text
        self.check_length(text, HEADING_LENGTH, "The heading")
        return i + 1

    def short_answer(self, i):
        end = self.run_of(i, ("p", "lost"))
        parts = self.collect(self.items[i + 1 : end])
        self.result.short_answer = "".join(parts)
        if len(parts) > 1:
            self.note(
                f"The short answer has {len(parts)} paragraphs (everything between "
                "“Short answer” and the next heading): move any that belong to the "
                "guide's introduction into the body."
            )
        return end

    # Everything else ----------------------------------------------------------------------

    def body_item(self, i):
        item = self.items[i]
        following = self.items[i + 1] if i + 1 < len(self.items) else None
        if item.data.get("taken"):  # a picture's caption, already in its block
            return
        captioned = item.kind == "p" and (TABLE_CAPTION.match(item.text) or item.data["caption"])
        if captioned and following and following.kind == "table":
            caption = TABLE_CAPTION.sub("", item.text)  # "Table 2: how …" reads "How …"
            following.data["lead_caption"] = caption[:1].upper() + caption[1:]
            return
        if item.kind == "picture":
            caption = item.data.get("caption", "")
            if following and following.kind == "p" and following.data["caption"]:
                caption, following.data["taken"] = following.text, True
            self.picture(item, caption)
        elif item.kind in ("p", "list", "lost"):
            self.text.extend(self.collect([item]))
        elif item.kind == "break":
            self.flush()
        elif item.kind == "table":
            self.table(item)
        elif item.kind == "callout":
            self.callout(item)
        elif item.kind == "code" and item.data["language"] == "diagram":
            self.diagram(item)
        elif item.kind == "code":
            self.flush()
            language = language_key(item.data["language"])
            if item.data["language"] and not language:
                self.note(
                    f"A code sample near {self.where()} is in “{item.data['language']}”, "
                    "which the site does not highlight: it is shown as plain text."
                )
            self.add("code", {"language": language or "text", "code": item.text})
        elif item.kind == "quote":
            self.flush()
            self.check_length(item.text, 600, "A quotation")
            self.add("quote", {"quote": item.text, "attribution": item.data["attribution"]})

    def table(self, item):
        rows = item.data["rows"]
        if not rows:
            return
        self.flush()
        caption = item.data["caption"] or item.data.get("lead_caption", "")
        if not caption:
            caption = self.near or self.result.title
            self.note(
                f"A table near {self.where()} had no caption: it was given "
                f"“{caption}”. Say what the table compares."
            )
        if len(rows) < 2:
            self.note(f"A table near {self.where()} has no rows below its header.")
        self.add("table", table_value(caption, rows[0], rows[1:]))

    def callout(self, item):
        self.flush()
        title, parts, pictures = item.text, [], []
        for inside in item.data["items"]:
            if inside.kind in ("p", "list", "lost"):
                parts.extend(self.collect([inside]))
            elif inside.kind == "picture":
                pictures.append(inside)
                self.note(
                    f"A picture in the callout “{title}” near {self.where()} was placed after "
                    "it: a callout holds paragraphs and lists only."
                )
            elif inside.kind != "break":
                self.note(
                    f"Something other than paragraphs and lists in the callout “{title}” near "
                    f"{self.where()} was kept as plain text: a callout holds paragraphs and "
                    "lists only."
                )
                parts.extend(self.as_paragraphs(inside))
        if not item.data["known"]:
            self.note(
                f"The callout “{title or item.data['name']}” near {self.where()} is of a kind "
                "the site does not have: it became an information box (the kinds are info, "
                "tip and warning)."
            )
        self.check_length(title, 80, "The callout's title")
        self.add("callout", {"kind": item.data["kind"], "title": title, "text": "".join(parts)})
        for picture in pictures:
            self.picture(picture)

    def picture(self, item, caption=""):
        self.flush()
        self.check_length(item.text, 200, "The picture's description")
        self.check_length(caption, 200, "The picture's caption")
        if not item.text:
            self.note(
                f"A picture near {self.where()} has no description (alt text): describe it "
                "for people who cannot see it, or say it is decorative."
            )
        value = {"image": item.data["picture"], "alt_text": item.text[:200], "caption": caption}
        self.add("image", value)

    def diagram(self, item):
        name, _, caption = item.text.strip().partition("\n")
        name = name.strip()
        if name not in DIAGRAMS:
            self.note(
                f"The diagram “{name}” near {self.where()} is not one of the site's diagrams "
                f"({', '.join(DIAGRAMS)}): it was left out."
            )
            return
        self.flush()
        caption = " ".join(caption.split())
        self.check_length(caption, 200, "The diagram's caption")
        self.add("diagram", {"diagram": name, "caption": caption})

    @staticmethod
    def as_paragraphs(item):
        """A table, code sample, quotation or callout as plain paragraphs, where only
        paragraphs fit."""
        if item.kind == "callout":
            texts = [item.text, *(inside.text for inside in item.data["items"])]
        else:
            texts = [" | ".join(row) for row in item.data.get("rows") or [[item.text]]]
        return [f"<p>{escape(text)}</p>" for text in texts if text]

    def collect(self, items):
        """Rich-text parts for paragraphs and lists; what could not be imported gets a note
        and keeps its text (an image's description) as a paragraph."""
        parts = []
        for item in items:
            if item.kind == "lost":
                what = item.data["what"]
                described = f"{what} (“{item.data['alt']}”)" if item.data.get("alt") else what
                self.note(f"{described} near {self.where()} {ADVICE[what]}.")
                if item.text:
                    parts.append(f"<p>{escape(item.text)}</p>")
            else:
                parts.append(item.html)
        return parts

    # Bookkeeping --------------------------------------------------------------------------

    def add(self, kind, value):
        self.result.blocks.append({"type": kind, "value": value})

    def flush(self):
        if self.text:
            self.add("text", "".join(self.text))
            self.text = []

    def where(self):
        return f"“{self.near}”" if self.near else "the start"

    def note(self, message):
        if message not in self.result.notes:
            self.result.notes.append(message)

    def check_length(self, text, limit, what):
        if len(text) > limit:
            self.note(
                f"{what} “{text[:60]}…” is longer than {limit} characters: shorten it "
                "before publishing."
            )

    def check_anchors(self):
        """Two headings or questions with the same wording share a #link, which the guide's
        form refuses on publishing: say so now."""
        seen = set()
        for block in self.result.blocks:
            value = block["value"]
            anchors = []
            if block["type"] == "heading":
                anchors.append((anchor_from(value["text"]), value["text"]))
            elif block["type"] == "faq":
                anchors.append((anchor_from(value["heading"]), value["heading"]))
                anchors += [
                    (anchor_from(q["question"], "faq-"), q["question"]) for q in value["items"]
                ]
            for anchor, text in anchors:
                if anchor and anchor in seen:
                    self.note(
                        f"More than one heading or question reads “{text}”: reword one "
                        "(or give it a link name) before publishing."
                    )
                seen.add(anchor)
