"""Where a Word document's numbered lists start again, and where they carry on.

Word numbers a list by its numbering definition: paragraphs of the same definition count on,
however much text stands between them, and "Restart Numbering" (or a second list made with
the Numbering button, or LibreOffice's next list) gives the paragraphs a new definition
(`w:numId`), often with a `w:lvlOverride/w:startOverride`. mammoth sees only "a numbered
paragraph at level N": it runs two lists that touch into one and starts every list at 1.

So before mammoth, each top-level numbered paragraph that does not simply follow the one
before it is marked (a bookmark named MARK, its number), and after mammoth each marked item
starts a list of its own. The site's lists cannot start at another number than 1 (Wagtail's
rich text keeps no `start`), so a list that carries on after a paragraph is flagged
(data-continues) for the converter to note; two lists that touch are kept apart by a line
(<hr>), which makes them two text blocks: in one, the editor would join them again.
"""

import io
import re
import zipfile

from bs4 import BeautifulSoup
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MARK = "_apiwise_list_"
MARK_ID = re.compile(rf"^{MARK}\d+_(\d+)$")
XML = etree.XMLParser(resolve_entities=False, no_network=True)


def w(name):
    return f"{{{W}}}{name}"


def val(element, *path):
    for name in path:
        element = element.find(w(name)) if element is not None else None
    return element.get(w("val")) if element is not None else None


def mark_restarts(data):
    """The .docx's bytes with its lists' fresh starts marked (unchanged when it has none)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if "word/numbering.xml" not in names:
            return data
        document = etree.fromstring(archive.read("word/document.xml"), XML)
        numbering = etree.fromstring(archive.read("word/numbering.xml"), XML)
        styles = (
            etree.fromstring(archive.read("word/styles.xml"), XML)
            if "word/styles.xml" in names
            else None
        )
        if not mark(document, Numbering(numbering, styles)):
            return data
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for info in archive.infolist():
                content = archive.read(info.filename)
                if info.filename == "word/document.xml":
                    content = etree.tostring(document, xml_declaration=True, encoding="UTF-8")
                target.writestr(info, content)
    return buffer.getvalue()


class Numbering:
    """numbering.xml (and the list styles of styles.xml) as Word counts with them."""

    def __init__(self, numbering, styles):
        self.levels = {}  # abstract id → {level: (start, ordered)}
        for abstract in numbering.iterfind(w("abstractNum")):
            self.levels[abstract.get(w("abstractNumId"))] = {
                level.get(w("ilvl")): (
                    int(val(level, "start") or 1) if (val(level, "start") or "1").isdigit() else 1,
                    val(level, "numFmt") not in ("bullet", "none"),
                )
                for level in abstract.iterfind(w("lvl"))
            }
        self.nums = {}  # num id → (abstract id, {level: start override})
        for num in numbering.iterfind(w("num")):
            overrides = {
                override.get(w("ilvl")): int(val(override, "startOverride"))
                for override in num.iterfind(w("lvlOverride"))
                if (val(override, "startOverride") or "").isdigit()
            }
            self.nums[num.get(w("numId"))] = (val(num, "abstractNumId"), overrides)
        self.styles = {}  # style id → (num id, level) of a list style (Word's "List Number")
        for style in styles.iterfind(w("style")) if styles is not None else ():
            num_id = val(style, "pPr", "numPr", "numId")
            if num_id:
                level = val(style, "pPr", "numPr", "ilvl") or "0"
                self.styles[style.get(w("styleId"))] = (num_id, level)

    def of(self, paragraph):
        """(num id, level) of a numbered paragraph, or None."""
        properties = paragraph.find(w("pPr"))
        own_num, own_level = val(properties, "numPr", "numId"), val(properties, "numPr", "ilvl")
        style_num, style_level = self.styles.get(val(properties, "pStyle"), (None, "0"))
        num_id = own_num or style_num
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        return num_id, own_level or style_level or "0"


def mark(document, numbering):
    """Mark the top-level numbered paragraphs of `document` that start a list anew or carry
    one on after other text; True when any was."""
    body = document.find(w("body"))
    if body is None:
        return False
    counters, seen, previous, marked = {}, set(), None, 0
    for element in body:
        place = numbering.of(element) if element.tag == w("p") else None
        if place is None:
            previous = None  # anything else between two numbered paragraphs ends the list
            continue
        num_id, level = place
        abstract, overrides = numbering.nums[num_id]
        counter = counters.setdefault(abstract, {})
        if num_id not in seen:  # a definition's first paragraph: its overrides apply
            seen.add(num_id)
            for overridden, start in overrides.items():
                counter[overridden] = start - 1
        start, ordered = numbering.levels.get(abstract, {}).get(level, (1, True))
        number = counter.get(level, start - 1) + 1
        counter[level] = number
        for deeper in [other for other in counter if other > level]:
            del counter[deeper]  # a sub-list starts again under each item
        if level != "0":
            continue
        follows = previous is not None and previous == (abstract, number - 1)
        if ordered and not follows and (previous is not None or number != 1):
            marked += 1
            bookmark = etree.Element(w("bookmarkStart"))
            bookmark.set(w("id"), str(900000 + marked))
            bookmark.set(w("name"), f"{MARK}{marked}_{number}")
            properties = element.find(w("pPr"))
            element.insert(0 if properties is None else element.index(properties) + 1, bookmark)
        previous = (abstract, number) if ordered else (abstract, None)
    return bool(marked)


def split_lists(html):
    """mammoth's HTML with each marked item starting a list of its own (see above)."""
    if MARK not in html:
        return html
    soup = BeautifulSoup(html, "lxml")
    for anchor in soup.find_all("a", id=MARK_ID):
        number = int(MARK_ID.match(anchor["id"])[1])
        item = anchor.find_parent("li")
        anchor.decompose()
        if item is None or item.parent is None or item.parent.name != "ol":
            continue
        old_list = item.parent
        if item.find_previous_sibling("li") is None:
            if number != 1:
                old_list["data-continues"] = str(number)
            continue
        new_list = soup.new_tag("ol")
        for sibling in [item, *item.find_next_siblings()]:
            new_list.append(sibling.extract())
        if number != 1:
            new_list["data-continues"] = str(number)
        old_list.insert_after(new_list)
        old_list.insert_after(soup.new_tag("hr"))
    body = soup.body or soup
    return "".join(str(child) for child in body.contents)
