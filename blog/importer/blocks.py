"""Clean HTML (from blog/importer/formats.py) as a guide: its title, short answer, body blocks
(in the raw StreamField form blog/demo.py writes) and notes on what could not be mapped.

The rules, in the order a document is read:

- the first <h1> is the title (not a block); a later <h1> is a section heading (h2);
- a "Short answer" / "The short answer" heading: the paragraphs after it, up to anything that
  is not a paragraph, are the short answer. Without one, the first paragraph is;
- "FAQs", "FAQ" or "Frequently asked questions" starts an FAQ block that runs to the next
  h2. Its questions are the sub-headings if it has any, else its bold-only paragraphs, else
  its paragraphs ending in "?"; the paragraphs and lists after a question are its answer;
- a call to action is an h2 that starts "How APIwise can help" or "Want this set up
  properly", or one of the last two h2s whose paragraphs link to the Health Check page. Its
  paragraphs and lists (up to anything else) are its text; its button goes to that page, and
  a last paragraph that is nothing but a link to that page is the button's label;
- consecutive paragraphs and lists are one text block (a horizontal line between them makes
  two); a table, code sample, quotation or callout each its own block; a "Table: …"
  paragraph just before a table is its caption;
- a callout is a Markdown admonition (`!!! tip "Title"` then indented text; kinds info,
  note, tip, warning…) or GitHub's alert (`> [!TIP]`);
- a code block in the language "diagram" is one of the site's diagrams: its first line is
  the diagram's name, the rest its caption.

Whatever cannot be mapped keeps its text (as a paragraph in the nearest text) and gets a
note, so that nothing is lost without the editor being told.
"""

import re
from dataclasses import dataclass, field
from html import escape

from blog.blocks import DIAGRAMS, anchor_from, table_value
from blog.importer.parse import Parser, language_key

SHORT_ANSWER = re.compile(r"^(the\s+)?short\s+answer\W*$", re.IGNORECASE)
FAQ = re.compile(r"^(faqs?|frequently\s+asked\s+questions)\W*$", re.IGNORECASE)
CTA_PREFIXES = ("how apiwise can help", "want this set up properly")
TABLE_CAPTION = re.compile(r"^table\s*:\s*", re.IGNORECASE)
ADVICE = {
    "An image": "was not imported: add it with an Image block",
    "An embedded item (video, frame or drawing)": "was not imported: add it by hand if needed",
    "A table inside a table": "was flattened to text: check the table",
    "A table inside a list": "was kept as text in the list: check it",
    "A link inside a table": "was kept as text only (table cells hold plain text)",
    "An image inside a table": "was not imported (table cells hold plain text)",
    "Merged table cells": "were split into separate cells: check the table's layout",
}


@dataclass
class Result:
    title: str = ""
    short_answer: str = ""
    blocks: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    empty: bool = True  # nothing but what could not be imported (or nothing at all)


def convert(html, *, resolve_link, cta_page_id=None):
    """`resolve_link(href, text)` gives ("page", id), ("url", href) or None; `cta_page_id` is
    the Health Check page, where calls to action send readers."""
    items = Parser(resolve_link).parse(html)
    return Builder(items, cta_page_id).build()


def _h2_level(item):
    return item.kind == "heading" and item.level <= 2


def _named_call_to_action(text):
    return text.casefold().replace("’", "'").startswith(CTA_PREFIXES)


class Builder:
    def __init__(self, items, cta_page_id):
        self.items, self.cta_page_id = items, cta_page_id
        self.result = Result()
        self.text = []  # paragraphs and lists waiting to become one text block
        self.near = ""  # the last heading: where notes say something was

    def build(self):
        items = self.items
        headings = [i for i, item in enumerate(items) if item.kind == "heading"]
        title_at = next((i for i in headings if items[i].level == 1), None)
        short_at = next((i for i in headings if SHORT_ANSWER.match(items[i].text)), None)
        sections = [i for i in headings if _h2_level(items[i]) and i not in (title_at, short_at)]
        calls = {i for i in sections if self.is_call_to_action(i, sections)}
        self.result.title = items[title_at].text if title_at is not None else ""
        self.result.empty = all(item.kind in ("lost", "break") for item in items)
        need_short = short_at is None
        i = 0
        while i < len(items):
            item = items[i]
            if i == title_at:
                i += 1
            elif i == short_at:
                i = self.short_answer(i)
            elif item.kind == "heading" and _h2_level(item) and FAQ.match(item.text):
                i = self.faq(i) or self.heading(i)
            elif i in calls:
                i = self.call_to_action(i)
            elif item.kind == "heading":
                i = self.heading(i)
            elif item.kind == "p" and need_short:
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
        self.check_length(text, 120, "The heading")
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

    def is_call_to_action(self, i, sections):
        if _named_call_to_action(self.items[i].text):
            return self.run_of(i) > i + 1
        if i not in sections[-2:] or self.cta_page_id is None:
            return False
        link = f'linktype="page" id="{self.cta_page_id}"'
        return any(link in item.html for item in self.items[i + 1 : self.run_of(i)])

    def call_to_action(self, i):
        heading, end = self.items[i].text, self.run_of(i)
        self.flush()
        self.near = heading
        region = self.items[i + 1 : end]
        button = self.button_label(region[-1]) if region else ""
        if button:
            region = region[:-1]
        text = "".join(self.collect(region))
        value = {
            "heading": heading,
            "text": text,
            "button_label": button,
            "page": self.cta_page_id,
        }
        self.add("call_to_action", value)
        self.check_length(heading, 120, "The heading")
        self.check_length(button, 60, "The button's label")
        if not _named_call_to_action(heading) and not button:
            self.note(
                f"“{heading}” became a call to action (a section near the end that links to "
                "the Health Check): if it is an ordinary section, replace the block with a "
                "heading and a text block."
            )
        return end

    def button_label(self, item):
        """The text of a paragraph that is only a link to the call-to-action page, else ""."""
        if item.kind != "p" or self.cta_page_id is None:
            return ""
        link = f'<p><a linktype="page" id="{self.cta_page_id}">'
        whole = item.html.startswith(link) and item.html.endswith("</a></p>")
        return item.text if whole and item.html.count("<a ") == 1 else ""

    def faq(self, i):
        """The FAQ block from the heading at `i` to the next h2, or None if it has no
        questions (then it is an ordinary heading)."""
        end = i + 1
        while end < len(self.items) and not _h2_level(self.items[end]):
            end += 1
        region = self.items[i + 1 : end]
        levels = [item.level for item in region if item.kind == "heading"]
        if levels:
            is_question = lambda item: item.kind == "heading" and item.level == min(levels)  # noqa: E731
        elif any(item.data.get("bold_only") for item in region):
            is_question = lambda item: item.kind == "p" and item.data.get("bold_only")  # noqa: E731
        else:
            is_question = lambda item: item.kind == "p" and item.text.endswith("?")  # noqa: E731
        if not any(is_question(item) for item in region):
            return None
        heading = self.items[i].text
        self.flush()
        self.near = heading
        intro, questions = [], []
        for item in region:
            if is_question(item):
                questions.append({"question": item.text, "answer": []})
                continue
            target = questions[-1]["answer"] if questions else intro
            if item.kind == "break":
                continue
            if item.kind in ("p", "list", "lost"):
                target.extend(self.collect([item]))
            else:
                where = f"the answer to “{questions[-1]['question']}”" if questions else heading
                what = {
                    "heading": "A sub-heading",
                    "table": "A table",
                    "code": "A code sample",
                    "quote": "A quotation",
                    "callout": "A callout",
                }[item.kind]
                self.note(
                    f"{what} in {where} was kept as plain text: an FAQ answer holds "
                    "paragraphs and lists only."
                )
                target.extend(self.as_paragraphs(item))
        if intro:
            self.add("text", "".join(intro))
            self.note(
                f"The text between “{heading}” and its first question was put in a text "
                "block above the FAQ."
            )
        for question in questions:
            self.check_length(question["question"], 200, "The question")
            if not question["answer"]:
                self.note(
                    f"The question “{question['question']}” has no answer: add one "
                    "before publishing."
                )
        items = [{"question": q["question"], "answer": "".join(q["answer"])} for q in questions]
        self.add("faq", {"heading": heading, "items": items})
        return end

    # Everything else ----------------------------------------------------------------------

    def body_item(self, i):
        item = self.items[i]
        following = self.items[i + 1] if i + 1 < len(self.items) else None
        if (
            item.kind == "p"
            and TABLE_CAPTION.match(item.text)
            and following
            and following.kind == "table"
        ):
            following.data["lead_caption"] = TABLE_CAPTION.sub("", item.text)
            return
        if item.kind in ("p", "list", "lost"):
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
        title, parts = item.text, []
        for inside in item.data["items"]:
            if inside.kind in ("p", "list", "lost"):
                parts.extend(self.collect([inside]))
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
                self.note(f"{what} near {self.where()} {ADVICE[what]}.")
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
