"""HTML from Word: what Word puts on the clipboard (copy in Word, paste in the import form)
and what File › Save As › Web Page writes. Word writes a list as paragraphs, each with its
list and level in its style (`mso-list:l0 level2 lfo1`) and its bullet or number as text
between conditional comments (`<![if !supportLists]>·<![endif]>`), and the Title style as a
class. Here those become real, nested <ul>/<ol> lists without the typed markers, and an <h1>,
which formats.py's cleaning then reads like any pasted HTML."""

import re

from bs4 import Comment, NavigableString

from blog.importer.google_docs import nest_flat_lists

MSO_LIST = re.compile(r"mso-list\s*:\s*l\d+\s+level(?P<level>\d+)", re.IGNORECASE)
# "Save as Web Page, Filtered" drops mso-list: the indent says the level (List Paragraph's
# 36pt for the first, 36pt more for each next).
MARGIN = re.compile(r"margin-left\s*:\s*(?P<size>[\d.]+)(?P<unit>pt|cm|in)", re.IGNORECASE)
POINTS = {"pt": 1, "cm": 72 / 2.54, "in": 72}
INDENT = 36
# The spaces after a typed marker, in Word's tiny "font:7.0pt" span.
SPACER = re.compile(r"font\s*:\s*7\.0pt", re.IGNORECASE)
# A number or letter the way Word types list markers: "1.", "a)", "iv.", "(b)".
NUMBERED = re.compile(r"^\(?([0-9]{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)]")
LEVEL = "data-word-level"


def undo_word_html(soup):
    """Rewrites Word's HTML `soup` in place; other HTML is left as it is."""
    title = soup.find("p", class_="MsoTitle")
    if title is not None and title.find_previous("h1") is None:
        title.name = "h1"
    found = False
    for paragraph in soup.find_all("p"):
        level = list_paragraph_level(paragraph)
        if level is None:
            continue
        marker = without_marker(paragraph)
        if marker is None:
            continue  # indented like a list, but no bullet or number: a paragraph
        # The paragraph becomes a list of one item in place (replacing it would search the
        # whole document for its place, for each item of every list).
        item = soup.new_tag("li")
        for child in list(paragraph.contents):
            item.append(child.extract())
        paragraph.name = "ol" if NUMBERED.match(marker) else "ul"
        paragraph.attrs = {LEVEL: str(level)}
        paragraph.append(item)
        found = True
    if found:
        nest_flat_lists(soup, level_of=word_level)
        for element in soup.find_all(attrs={LEVEL: True}):
            del element[LEVEL]


def list_paragraph_level(paragraph):
    """The list level (1 the outermost) of one of Word's list paragraphs, else None."""
    style = paragraph.get("style", "")
    match = MSO_LIST.search(style)
    if match:
        return int(match["level"])
    if not any(name.startswith("MsoListParagraph") for name in paragraph.get("class", [])):
        return None
    margin = MARGIN.search(style)
    points = float(margin["size"]) * POINTS[margin["unit"].lower()] if margin else INDENT
    return max(1, round(points / INDENT))


def word_level(element):
    if element is None or getattr(element, "name", None) not in ("ul", "ol"):
        return None
    level = element.get(LEVEL, "")
    return int(level) if level.isdigit() else None


def without_marker(paragraph):
    """Removes the bullet or number Word typed at the start of a list paragraph and returns
    it; None when there is none. The clipboard's HTML puts it between <![if !supportLists]>
    and <![endif]> (parsed as comments); a filtered web page has only the text, then spaces
    in a span of its own."""
    start = paragraph.find(string=lambda text: isinstance(text, Comment) and "supportLists" in text)
    if start is not None:
        marker, node = [], start.next_sibling
        start.extract()
        while node is not None:
            following = node.next_sibling
            if isinstance(node, Comment) and "endif" in node:
                node.extract()
                break
            marker.append(node.get_text() if hasattr(node, "get_text") else str(node))
            node.extract()
            node = following
        return "".join(marker).strip()
    spacer = paragraph.find("span", style=SPACER)
    if spacer is None:
        return None
    before = []  # the paragraph's text up to the spacer (not the whole document's before it)
    for node in paragraph.descendants:
        if node is spacer:
            break
        if isinstance(node, NavigableString) and not isinstance(node, Comment):
            before.append(node)
    marker = "".join(str(text) for text in before).strip()
    for text in before:
        text.extract()
    spacer.extract()
    return marker
