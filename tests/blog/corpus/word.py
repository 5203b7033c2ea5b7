"""Building .docx files as Word stores them: python-docx writes Word's own template, so the
paragraph styles are Word's built-in ones ("List Bullet 2", "Caption", "Title"), and a picture
is an inline drawing whose alt text is the drawing's description (docPr/@descr), where Word's
"Edit Alt Text" puts it."""

import io
import zipfile

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm
from PIL import Image

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def png(size=(320, 180), colour=(11, 61, 92)):
    """A small picture, as the bytes of a PNG file."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def add_picture(document, data, alt="", caption=""):
    """A picture in a paragraph of its own, as Word's Insert › Pictures places it, with alt
    text and, when given, a paragraph in Word's Caption style below it (Insert Caption)."""
    document.add_picture(io.BytesIO(data), width=Cm(8))
    if alt:
        document.inline_shapes[-1]._inline.docPr.set("descr", alt)
    if caption:
        document.add_paragraph(caption, style="Caption")


def add_table(document, rows):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    return table


def docx_bytes(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def new_document():
    return Document()


def add_indented_list(document, entries, numbered=False, *, same_list_as=None, restart=False):
    """A list made with Word's Bullets (or Numbering) button and Tab: "List Paragraph"
    paragraphs, each with its level (0 the outermost) in a multi-level list definition of
    the document's numbering, as Word stores it. `entries`: [(text, level)]. Returns the
    list's numbering id: given back as `same_list_as`, the next list numbers on from this one
    (as Word's "Continue Numbering" does), or, with `restart`, starts again at 1 ("Restart
    Numbering": a new numbering instance of the same definition, its start overridden)."""
    numbering = document.part.numbering_part.element
    if same_list_as is not None and not restart:
        num_id = same_list_as
    elif same_list_as is not None:
        abstract_id = numbering.xpath(f'w:num[@w:numId="{same_list_as}"]/w:abstractNumId/@w:val')[0]
        num_id = 200 + len(numbering.findall(nsdecls_tag("num")))
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract_id}"/><w:lvlOverride w:ilvl="0">'
                '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            )
        )
    else:
        num_id = new_list_definition(numbering, numbered)
    for entry, level in entries:
        paragraph = document.add_paragraph(entry, style="List Paragraph")
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                f'<w:numId w:val="{num_id}"/></w:numPr>'
            )
        )
    return num_id


def new_list_definition(numbering, numbered):
    """A multi-level list definition (abstractNum) and its first instance (num): the num's
    id."""
    abstract_id = 100 + len(numbering.findall(nsdecls_tag("abstractNum")))
    kind, text = ("decimal", "%{n}.") if numbered else ("bullet", "•")
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{kind}"/>'
        f'<w:lvlText w:val="{text.format(n=level + 1)}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{720 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for level in range(9)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
    )
    # Word keeps every abstractNum before the first num.
    numbering.insert(len(numbering.findall(nsdecls_tag("abstractNum"))), abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{abstract_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    return abstract_id


def nsdecls_tag(name):
    return f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{name}"


def add_footnote_reference(paragraph, number):
    """The superscript number Word's Insert Footnote puts in the text; its note is given to
    with_footnotes."""
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'
        )
    )


def with_footnotes(data, notes):
    """The saved .docx `data` with the footnotes part Word writes (word/footnotes.xml, its
    relationship and content type) holding `notes`, numbered from 1."""
    main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    footnotes = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        f'<w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r>'
        "</w:p></w:footnote>"
        for number, text in enumerate(notes, start=1)
    )
    part = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{main}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f"</w:footnote>{footnotes}</w:footnotes>"
    )
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif info.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            target.writestr(info, content)
        target.writestr("word/footnotes.xml", part)
    return buffer.getvalue()
