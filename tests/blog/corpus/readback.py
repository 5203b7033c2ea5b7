"""An imported guide read back into the shape of a corpus document's `.expect.yaml`
(tests/blog/corpus/documents/): its title, headings, list items, tables, links, pictures and
FAQs as a reader sees them, so that a test compares one element at a time and says which one
differs.

What counts where:
- headings: heading blocks, and an FAQ block's heading (level 2), in body order; the "Short
  answer" heading (which becomes the short answer field) and calls to action are not;
- lists, links: every rich text a reader sees (the short answer, text blocks, callouts, FAQ
  answers, the document's own call to action), in that order; a page link's href is the
  page's URL, as the published guide shows it;
- tables: rows of cell texts, the header row first.
"""

import re
from html import unescape

from bs4 import BeautifulSoup, NavigableString, Tag
from wagtail.models import Page

# What an import must never leave on the page: placeholders, Markdown or HTML the importer
# did not understand, entities typed out, empty paragraphs.
LEFTOVERS = {
    "an image placeholder": re.compile(r"\[Image", re.IGNORECASE),
    "Markdown bold or italics": re.compile(r"\*\*|__\w"),
    "a Markdown footnote marker": re.compile(r"\[\^\w+\]"),
    "a task list box": re.compile(r"\[[ xX]\]\s"),
    "an alert marker": re.compile(r"\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", re.IGNORECASE),
    "an admonition marker": re.compile(r"^!!!\s|\s!!!\s", re.MULTILINE),
    "HTML typed out as text": re.compile(r"&lt;/?(span|aside|details|summary|div|p|br)\b"),
    "a <span>": re.compile(r"<span\b"),
    "a non-breaking space entity": re.compile(r"&nbsp;|&#160;|\xa0"),
    "an empty paragraph": re.compile(r"<p>(\s|<br\s*/?>)*</p>"),
}


def rich_texts(page):
    """(where, HTML) for every rich text of the guide, in reading order."""
    texts = [("the short answer", page.short_answer or "")]
    for number, block in enumerate(page.body.raw_data):
        kind, value = block["type"], block["value"]
        where = f"body block {number} ({kind})"
        if kind == "text":
            texts.append((where, value))
        elif kind == "callout":
            texts.append((where, value.get("text", "")))
        elif kind == "faq":
            texts += [
                (f"{where}, “{q['question']}”", q["answer"]) for q in questions(value["items"])
            ]
        elif kind == "call_to_action":
            texts.append((where, value.get("text", "")))
    return texts


def questions(faq_value):
    """An FAQ block's items, whether stored as plain dicts or as ListBlock's
    {"type": "item", "value": …} entries."""
    return [item.get("value", item) if "question" not in item else item for item in faq_value]


def plain(html):
    return " ".join(unescape(BeautifulSoup(html or "", "lxml").get_text(" ")).split())


def own_text(item):
    """A list item's text without its nested lists'."""
    parts = []
    for child in item.children:
        if isinstance(child, Tag) and child.name in ("ul", "ol"):
            continue
        parts.append(str(child) if isinstance(child, NavigableString) else child.get_text(" "))
    return " ".join(unescape(" ".join(parts)).split())


def list_items(html):
    soup = BeautifulSoup(html or "", "lxml")
    items = []
    for item in soup.find_all("li"):
        level = len(item.find_parents(["ul", "ol"]))
        ordered = item.parent.name == "ol"
        items.append({"text": own_text(item), "level": level, "ordered": ordered})
    return items


def links(html, page_urls):
    found = []
    for anchor in BeautifulSoup(html or "", "lxml").find_all("a"):
        text = " ".join(anchor.get_text(" ").split())
        if anchor.get("linktype") == "page":
            href = page_urls(int(anchor.get("id")))
        else:
            href = anchor.get("href", "")
        found.append({"text": text, "href": href})
    return found


def page_url(page_id):
    page = Page.objects.filter(pk=page_id).first()
    return page.specific.url if page is not None else f"(no page {page_id})"


def read_back(page):
    """The guide `page` (an ArticlePage) in the .expect.yaml shape, plus its standfirst,
    short answer and import notes (plain text)."""
    shape = {
        "title": page.title,
        "headings": [],
        "lists": [],
        "tables": [],
        "links": [],
        "pictures": [],
        "faqs": [],
    }
    for block in page.body.raw_data:
        kind, value = block["type"], block["value"]
        if kind == "heading":
            shape["headings"].append([2 if value["level"] == "h2" else 3, value["text"]])
        elif kind == "faq":
            shape["headings"].append([2, value["heading"]])
            shape["faqs"] += [
                {"question": q["question"], "answer": plain(q["answer"])}
                for q in questions(value["items"])
            ]
        elif kind == "table":
            shape["tables"].append(value["data"])
        elif kind == "image":
            shape["pictures"].append({"alt": value["alt_text"], "caption": value["caption"]})
    for _where, html in rich_texts(page):
        shape["lists"] += list_items(html)
        shape["links"] += links(html, page_url)
    shape["standfirst"] = page.summary
    shape["short_answer"] = plain(page.short_answer)
    shape["notes"] = page.import_notes or ""
    return shape


def leftovers(page):
    """["what (where): …context…"] for each thing an import must not leave on the page."""
    found = []
    texts = [("the title", page.title), ("the standfirst", page.summary)]
    texts += rich_texts(page)
    for number, block in enumerate(page.body.raw_data):
        if block["type"] in ("heading", "table", "image", "quote", "faq"):
            texts.append((f"body block {number} ({block['type']})", repr(block["value"])))
    for where, text in texts:
        for what, pattern in LEFTOVERS.items():
            match = pattern.search(text or "")
            if match:
                context = text[max(0, match.start() - 30) : match.end() + 30]
                found.append(f"{what} in {where}: …{context}…")
    return found
