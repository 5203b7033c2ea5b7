"""Pieces of Word documents python-docx has no API for (links, a table of contents) and
plain drawings for screenshots, for make_word_documents.py."""

import io

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image, ImageDraw


def add_hyperlink(paragraph, url, text):
    """Word's Insert › Link: a relationship to the address and a w:hyperlink run in the
    Hyperlink character style."""
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties.append(style)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def paragraph_with_link(document, before, url, text, after="", style=None):
    paragraph = document.add_paragraph(before, style=style)
    add_hyperlink(paragraph, url, text)
    if after:
        paragraph.add_run(after)
    return paragraph


def screenshot(title_colour, rows):
    """A plain drawing of an app's screen: a title bar and `rows` lines of a list."""
    picture = Image.new("RGB", (480, 60 + 36 * rows), (250, 250, 248))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, 480, 40), fill=title_colour)
    for row in range(rows):
        top = 56 + 36 * row
        draw.rectangle((16, top, 464, top + 24), outline=(180, 180, 180))
        draw.rectangle((24, top + 8, 24 + 40 * (row + 2), top + 16), fill=(90, 90, 90))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def picture(document, data, alt, caption=""):
    document.add_picture(io.BytesIO(data), width=Cm(10))
    document.inline_shapes[-1]._inline.docPr.set("descr", alt)
    if caption:
        document.add_paragraph(caption, style="Caption")


def add_contents(document, entries):
    """Word's References › Table of Contents: a "Contents" heading, then one paragraph per
    heading in the "toc N" styles, each a link to the heading's bookmark with its page
    number after a tab, all inside a TOC field."""
    styles = document.styles
    for name in ("toc 1", "toc 2"):  # Word's template has TOC Heading already
        if name not in [style.name for style in styles]:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=True)
            style.base_style = styles["Normal"]
    document.add_paragraph("Contents", style="TOC Heading")
    for number, (text, level, page) in enumerate(entries):
        paragraph = document.add_paragraph(style=f"toc {level}")
        if number == 0:
            for kind in ("begin", "instr", "separate"):
                paragraph._p.append(field_run(kind))
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), f"_Toc{1000 + number}")
        for part in (text, "\t", str(page)):
            run = OxmlElement("w:r")
            element = OxmlElement("w:tab" if part == "\t" else "w:t")
            if part != "\t":
                element.text = part
            run.append(element)
            link.append(run)
        paragraph._p.append(link)
    document.add_paragraph()._p.append(field_run("end"))


def field_run(kind):
    run = OxmlElement("w:r")
    if kind == "instr":
        instruction = OxmlElement("w:instrText")
        instruction.set(qn("xml:space"), "preserve")
        instruction.text = ' TOC \\o "1-3" \\h \\z \\u '
        run.append(instruction)
    else:
        character = OxmlElement("w:fldChar")
        character.set(qn("w:fldCharType"), kind)
        run.append(character)
    return run
