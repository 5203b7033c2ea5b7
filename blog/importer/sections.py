"""The two kinds of section that become one block each (blocks.py's Builder reads them with
these methods): an FAQ ("FAQs" / "Frequently asked questions" and its questions) and a call
to action to the Health Check ("How APIwise can help", or a closing section linking there)."""

import re

FAQ = re.compile(r"^(faqs?|frequently\s+asked\s+questions)\W*$", re.IGNORECASE)
CTA_PREFIXES = ("how apiwise can help", "want this set up properly")
WHAT = {
    "heading": "A sub-heading",
    "table": "A table",
    "code": "A code sample",
    "quote": "A quotation",
    "callout": "A callout",
}


def h2_level(item):
    return item.kind == "heading" and item.level <= 2


def named_call_to_action(text):
    return text.casefold().replace("’", "'").startswith(CTA_PREFIXES)


class Sections:
    """Mixed into blocks.Builder, whose `items`, `cta_page_id`, `note`, `add`, `flush`,
    `collect`, `as_paragraphs`, `run_of`, `picture` and `check_length` these use."""

    def is_call_to_action(self, i, sections):
        if named_call_to_action(self.items[i].text):
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
        if not named_call_to_action(heading) and not button:
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
        while end < len(self.items) and not h2_level(self.items[end]):
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
        intro, questions, pictures = [], [], []
        for item in region:
            if is_question(item):
                questions.append({"question": item.text, "answer": []})
                continue
            target = questions[-1]["answer"] if questions else intro
            if item.kind == "break":
                continue
            if item.kind == "picture":
                pictures.append(item)
                self.note(
                    f"A picture in “{heading}” was placed after the FAQ: an FAQ answer holds "
                    "paragraphs and lists only."
                )
                continue
            if item.kind in ("p", "list", "lost"):
                target.extend(self.collect([item]))
            else:
                where = f"the answer to “{questions[-1]['question']}”" if questions else heading
                what = WHAT[item.kind]
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
        for picture in pictures:
            self.picture(picture)
        return end
