"""How big a document the importer takes, checked as cheaply as possible before the expensive
step: a .docx's unpacked XML before mammoth reads it, a Markdown file's tables before
markdown-it renders them, and any HTML's paragraphs, tables and nesting before the converter
walks it. Real guides are far below these; a hostile or broken file is refused with a message
that says the limit. The child process the conversion runs in (sandbox.py) has a memory and a
time limit besides, for whatever these counts do not foresee.

The numbers live in settings (GUIDE_IMPORT_*, apiwise/settings/base.py)."""

import re
from dataclasses import dataclass

from django.conf import settings
from lxml import etree

from blog.importer.problem import ImportProblem

MB = 1024 * 1024
PARAGRAPH_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dt", "dd"}
# A Markdown table's delimiter row: "| --- | :-: |" (the pipes at the ends are optional).
DELIMITER_ROW = re.compile(
    r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$|^ {0,3}\|\s*:?-+:?\s*\|\s*$"
)


@dataclass(frozen=True)
class Limits:
    memory_mb: int
    seconds: int
    text_mb: int
    paragraphs: int
    formatted_runs: int
    table_rows: int
    table_columns: int
    depth: int
    zip_files: int = 200
    zip_mb: int = 20
    zip_ratio: int = 100

    @classmethod
    def from_settings(cls):
        return cls(
            memory_mb=settings.GUIDE_IMPORT_MEMORY_MB,
            seconds=settings.GUIDE_IMPORT_SECONDS,
            text_mb=settings.GUIDE_IMPORT_MAX_TEXT_MB,
            paragraphs=settings.GUIDE_IMPORT_MAX_PARAGRAPHS,
            formatted_runs=settings.GUIDE_IMPORT_MAX_FORMATTED_RUNS,
            table_rows=settings.GUIDE_IMPORT_MAX_TABLE_ROWS,
            table_columns=settings.GUIDE_IMPORT_MAX_TABLE_COLUMNS,
            depth=settings.GUIDE_IMPORT_MAX_DEPTH,
            zip_files=settings.GUIDE_IMPORT_MAX_ZIP_FILES,
            zip_mb=settings.GUIDE_IMPORT_MAX_ZIP_MB,
            zip_ratio=settings.GUIDE_IMPORT_MAX_ZIP_RATIO,
        )


def too_many(count, what, limit, advice="Split it into shorter guides."):
    return ImportProblem(
        f"This document has {count:,} {what}; the import takes documents with up to "
        f"{limit:,}. {advice}"
    )


def check_docx(archive, limits):
    """Before mammoth: the XML a .docx unpacks to (what its zip entries say, and what reading
    document.xml finds), its paragraphs and runs of formatted text."""
    unpacked = sum(info.file_size for info in archive.infolist() if is_xml(info.filename))
    too_much_text = ImportProblem(
        f"This document unpacks to {max(unpacked, limits.text_mb * MB + 1) / MB:.0f} MB of "
        f"text; the import takes documents up to {limits.text_mb} MB. Split it into shorter "
        "guides, or save it again from Word (a damaged file can claim far more)."
    )
    if unpacked > limits.text_mb * MB:
        raise too_much_text
    # The sizes in a zip are the file's own claim: read document.xml no further than allowed.
    with archive.open("word/document.xml") as part:
        xml = part.read(limits.text_mb * MB + 1)
    if len(xml) > limits.text_mb * MB:
        raise too_much_text
    paragraphs = xml.count(b"<w:p>") + xml.count(b"<w:p ")
    if paragraphs > limits.paragraphs:
        raise too_many(paragraphs, "paragraphs", limits.paragraphs)
    runs = xml.count(b"<w:r>") + xml.count(b"<w:r ")
    if runs > limits.formatted_runs:
        raise too_many(
            runs,
            "separately formatted pieces of text",
            limits.formatted_runs,
            "Clear its formatting (Ctrl+Space in Word) or split it into shorter guides.",
        )


def check_zip(archive, limits):
    """Before anything is unpacked from a .zip of a Markdown file and its pictures: how many
    files it holds, what they unpack to (in all, and each against its packed size: a zip
    bomb packs gigabytes of nothing into kilobytes), and that no path leads out of it."""
    entries = archive.infolist()
    if len(entries) > limits.zip_files:
        raise too_many(len(entries), "files in the .zip", limits.zip_files)
    unpacked = sum(info.file_size for info in entries)
    if unpacked > limits.zip_mb * MB:
        raise ImportProblem(
            f"This .zip unpacks to {unpacked / MB:.1f} MB; the import takes up to "
            f"{limits.zip_mb} MB. Leave out pictures the guide does not use."
        )
    for info in entries:
        if info.file_size > max(info.compress_size, 1) * limits.zip_ratio:
            raise ImportProblem(
                f"The file {info.filename} in this .zip unpacks to more than "
                f"{limits.zip_ratio} times its packed size, which no guide's picture does. "
                "Make the .zip again from the guide's own files."
            )
        parts = info.filename.replace("\\", "/").split("/")
        if info.filename.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
            raise ImportProblem(
                f"The .zip holds a path that leads outside it ({info.filename}). Make the "
                ".zip again from the guide's own folder."
            )


def is_xml(name):
    return name.endswith((".xml", ".rels"))


def check_markdown(text, limits):
    """Before markdown-it: every table's columns and rows (a delimiter row, then its lines)."""
    lines = text.split("\n")
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        if "|" not in line or "-" not in line or not DELIMITER_ROW.match(line):
            continue
        columns = line.strip().strip("|").count("|") + 1
        if columns > limits.table_columns:
            raise table_problem(f"a table with {columns:,} columns", limits)
        first_row = number
        while number < len(lines) and lines[number].strip():  # the table's rows: read once
            number += 1
            if number - first_row > limits.table_rows:
                raise table_problem(f"a table with more than {limits.table_rows:,} rows", limits)


def table_problem(what, limits):
    return ImportProblem(
        f"This document has {what}; the import takes tables of up to {limits.table_rows:,} "
        f"rows and {limits.table_columns} columns. Split the table, or link to a spreadsheet."
    )


def check_html(html, limits):
    """Before the converter walks the HTML (whatever format it came from): its paragraphs,
    tables and how deeply its elements nest, counted in one pass of lxml's C parser."""
    root = etree.fromstring(_as_bytes(html), etree.HTMLParser(no_network=True))
    if root is None:  # nothing but whitespace or comments
        return
    paragraphs = depth = 0
    tables = []  # [rows, columns of the widest row, columns of this row] per open table
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "end":
            depth -= 1
            if tag == "table" and tables:
                tables.pop()
            elif tag == "tr" and tables:
                tables[-1][1] = max(tables[-1][1], tables[-1][2])
                if tables[-1][1] > limits.table_columns:
                    raise table_problem(f"a table with {tables[-1][1]:,} columns", limits)
            continue
        depth += 1
        if depth > limits.depth:
            raise ImportProblem(
                f"This document nests lists, quotations or boxes more than {limits.depth} "
                "levels deep, which the import does not take. Flatten the deepest parts."
            )
        if tag in PARAGRAPH_TAGS:
            paragraphs += 1
            if paragraphs > limits.paragraphs:
                raise ImportProblem(
                    f"This document has more than {limits.paragraphs:,} paragraphs; the import "
                    "takes documents with up to that many. Split it into shorter guides."
                )
        elif tag == "table":
            tables.append([0, 0, 0])
        elif tag == "tr" and tables:
            tables[-1][0] += 1
            tables[-1][2] = 0
            if tables[-1][0] > limits.table_rows:
                raise table_problem(f"a table with more than {limits.table_rows:,} rows", limits)
        elif tag in ("td", "th") and tables:
            span = element.get("colspan", "1")
            tables[-1][2] += min(int(span), 51) if span.isdigit() and int(span) > 0 else 1


def _as_bytes(html):
    return html.encode("utf-8") if isinstance(html, str) else html
