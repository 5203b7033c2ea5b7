"""Building .docx files as Word stores them: python-docx writes Word's own template, so the
paragraph styles are Word's built-in ones ("List Bullet 2", "Caption", "Title"), and a picture
is an inline drawing whose alt text is the drawing's description (docPr/@descr), where Word's
"Edit Alt Text" puts it."""

import io

from docx import Document
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
