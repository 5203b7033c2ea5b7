"""A company's own Word styles. A corporate template often has its own heading styles
("APIwise Heading", "Client Title") based on Word's Heading 1 or Title; mammoth knows styles
only by name, so without help their text would arrive as plain paragraphs. Here every
paragraph style the document defines itself (Word marks it custom) that is based, directly or
through others, on Title or Heading 1–6 (or that sets an outline level, as Word's headings
do) becomes a line of mammoth's style map for that heading."""

import re

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CONTENTS_STYLE = re.compile(rb'<w:pStyle w:val="(toc ?\d|tocheading)"', re.IGNORECASE)
WORD_HEADING = re.compile(r"^heading ([1-6])$", re.IGNORECASE)
# How far up a chain of "based on" styles to look (Word allows long chains, and loops in a
# damaged file must end).
MAX_CHAIN = 10


def heading_style_map(archive, limit_bytes):
    """Extra lines for mammoth's style map, from the .docx `archive` (a ZipFile) whose
    word/styles.xml is read no further than `limit_bytes`; "" when there is nothing to add."""
    if "word/styles.xml" not in archive.namelist():
        return ""
    with archive.open("word/styles.xml") as part:
        xml = part.read(limit_bytes + 1)
    if len(xml) > limit_bytes:
        return ""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        return ""  # mammoth reports a damaged document itself
    styles = {}
    for style in root.iter(f"{W}style"):
        if style.get(f"{W}type") == "paragraph" and style.get(f"{W}styleId"):
            styles[style.get(f"{W}styleId")] = style
    lines = []
    for style_id, style in styles.items():
        name = value_of(style, "name") or style_id
        if not is_custom(style) or "'" in name or "\\" in name:
            continue  # Word's own ("TOC Heading" is based on Heading 1 too), or unquotable
        level = heading_level(style_id, styles)
        if level:
            lines.append(f"p[style-name='{name}'] => h{level}:fresh\n")
    return "".join(lines)


def is_custom(style):
    """Word marks the styles a person or template added (not its built-in ones)."""
    return style.get(f"{W}customStyle") in ("1", "true", "on")


def value_of(style, child):
    element = style.find(f"{W}{child}")
    return element.get(f"{W}val") if element is not None else None


def own_level(name):
    """1 for Word's Title, N for its Heading N, else None."""
    if name.strip().lower() == "title":
        return 1
    match = WORD_HEADING.match(name.strip())
    return int(match[1]) if match else None


def heading_level(style_id, styles):
    """The heading level the style with `style_id` inherits, or None."""
    for _ in range(MAX_CHAIN):
        style = styles.get(style_id)
        if style is None:
            return None
        level = own_level(value_of(style, "name") or "")
        if level:
            return level
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        if outline is not None and (outline.get(f"{W}val") or "").isdigit():
            number = int(outline.get(f"{W}val")) + 1
            return number if number <= 6 else None
        style_id = value_of(style, "basedOn")
    return None


def has_table_of_contents(archive, limit_bytes):
    """True when the document's text has paragraphs in Word's table of contents styles."""
    with archive.open("word/document.xml") as part:
        return CONTENTS_STYLE.search(part.read(limit_bytes + 1)) is not None
