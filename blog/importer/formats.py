"""Every format an editor brings becomes plain, semantic HTML here, so that one converter
(blog/importer/blocks.py) maps all of them to blocks:

- Word (.docx) through mammoth, with a style map for the styles Word and Google Docs use for
  code and quotations;
- Markdown (.md, or a .zip of one with its pictures) through markdown_files.py;
- HTML pasted from Google Docs (or Word, or a web page), or a Google Docs or Word web-page
  export: Google's wrappers, styled spans and redirect links and Word's list paragraphs
  undone (google_docs.py, word_html.py), every attribute but the few the converter reads
  removed.
"""

import base64
import io
import re
import zipfile
from pathlib import Path

import mammoth
from bs4 import BeautifulSoup, Comment

# Submodules by their full names: `from blog.importer import …` would run the package's
# __init__, which imports this module (an import circle).
import blog.importer.google_docs as google_docs
import blog.importer.markdown_files as markdown_files
import blog.importer.sources as sources
import blog.importer.word_lists as word_lists
from blog.importer.footnotes import footnotes_as_notes
from blog.importer.limits import MB, Limits, check_docx, check_html, check_zip
from blog.importer.problem import ImportProblem
from blog.importer.sources import PICTURE_SRC
from blog.importer.word_html import undo_word_html
from blog.importer.word_styles import has_table_of_contents, heading_style_map

MAX_UPLOAD = 5 * 1024 * 1024

# Word's own style names, the ones Google Docs and pandoc write in a .docx, and LibreOffice
# Writer's (Quotations, Preformatted Text, Source Text; Figure and the like for captions).
# A table of contents ("TOC Heading", "toc 1"…) is left out: the guide's page lists its
# sections itself.
DOCX_STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => p:fresh
p[style-name='Caption'] => p.caption:fresh
p[style-name='Code'] => pre:separator('\\n')
p[style-name='Source Code'] => pre:separator('\\n')
p[style-name='HTML Preformatted'] => pre:separator('\\n')
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
r[style-name='Verbatim Char'] => code
p[style-name='Quotations'] => blockquote > p:fresh
p[style-name='Preformatted Text'] => pre:separator('\\n')
r[style-name='Source Text'] => code
p[style-name='Figure'] => p.caption:fresh
p[style-name='Illustration'] => p.caption:fresh
p[style-name='Drawing'] => p.caption:fresh
p[style-name^='TOC '] => !
""" + "".join(
    # Word's list styles carry their own numbering, each level at level 1 of a list of its
    # own, which mammoth would flatten: the style's number is the level.
    f"p[style-name='List {kind}{f' {level}' if level > 1 else ''}'] => "
    f"{'ul|ol > li > ' * (level - 1)}{tag} > li:fresh\n"
    for kind, tag in (("Bullet", "ul"), ("Number", "ol"))
    for level in range(1, 6)
)

KEEP_ATTRIBUTES = {
    "a": {"href"},
    "img": {"alt", "src", "title"},
    "td": {"colspan"},
    "th": {"colspan"},
}
DROP_TAGS = ["script", "style", "meta", "link", "title", "head", "template", "noscript"]
TAG = re.compile(r"<[a-zA-Z][^>]*>")
# A picture from a .docx (or a .zip, or pasted, or an https:// address: sources.py) is sent
# back to the web process with the HTML (sandbox.py), which adds it to the image library: the
# HTML refers to it by its number among the pictures (PICTURE_SRC and the number).
# All of a document's pictures together, unpacked (a zip's sizes are its own claim).
MAX_PICTURES_BYTES = 2 * MAX_UPLOAD


def extension(name):
    return Path(name or "").suffix.lower()


def read_upload(file):
    """(the file's name, its bytes) once its type and size are known to be acceptable."""
    name = getattr(file, "name", "") or ""
    if extension(name) not in READERS:
        raise ImportProblem(wrong_type_message(name))
    if getattr(file, "size", 0) and file.size > MAX_UPLOAD:
        raise ImportProblem(too_big_message(file.size))
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise ImportProblem(too_big_message(len(data)))
    if not data.strip():
        raise ImportProblem("That file is empty. Check it is the right one and upload it again.")
    return name, data


def to_html(*, name="", data=b"", html="", limits=None, pictures=None, notes=None):
    """Clean HTML from a file's `name` and `data` (read_upload's) or pasted `html`, within
    `limits` (the settings' when not given). A Word document's pictures are appended to the
    list `pictures`, when given, as {"content_type", "data" (base64)}; each <img> says which
    by its src, PICTURE_SRC and its number. What the reading itself left out is said in the
    list `notes`, when given."""
    limits = limits or Limits.from_settings()
    notes = [] if notes is None else notes
    if not name:
        if not (html or "").strip():
            raise ImportProblem("Paste the guide here, or upload a file.", "html")
        return with_pictures(pasted_html(html, limits, notes), pictures)
    if extension(name) == ".docx":
        return docx_to_html(data, limits, pictures, notes)
    if extension(name) == ".zip":
        return zip_to_html(data, limits, pictures, notes)
    markdown = extension(name) in (".md", ".markdown")
    return with_pictures(READERS[extension(name)](data, limits, notes), pictures, markdown=markdown)


def with_pictures(html, pictures, files=None, room=None, markdown=False):
    """The HTML's pictures (a .zip's files, data: URIs, https:// addresses) in `pictures`
    (sources.py); the HTML as it is when they are not wanted."""
    if pictures is None:
        return html
    return sources.gather(
        html,
        pictures,
        files=files,
        picture_room=room or [MAX_PICTURES_BYTES],
        picture_mb=MAX_UPLOAD // MB,
        markdown=markdown or files is not None,
    )


def zip_to_html(data, limits, pictures=None, notes=None):
    """A .zip holding one Markdown file and the pictures it shows, by their paths relative
    to it (as Notion, Obsidian and most Markdown editors export a page)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as error:
        raise ImportProblem(
            "That .zip file could not be read. Make it again from the guide's folder."
        ) from error
    with archive:
        check_zip(archive, limits)
        markdown = [
            info
            for info in archive.infolist()
            if extension(info.filename) in (".md", ".markdown")
            and not info.filename.startswith("__MACOSX/")
            and not Path(info.filename).name.startswith(".")
        ]
        if len(markdown) != 1:
            found = "no Markdown file" if not markdown else f"{len(markdown)} Markdown files"
            raise ImportProblem(
                f"That .zip holds {found}: it must hold one (.md), with the pictures it shows."
            )
        with archive.open(markdown[0]) as stream:
            text = stream.read(limits.text_mb * MB + 1)
        if len(text) > limits.text_mb * MB:
            raise ImportProblem(
                f"The Markdown file in that .zip is larger than {limits.text_mb} MB. Split it "
                "into shorter guides."
            )
        html = markdown_files.markdown_to_html(text, limits, notes)
        files = sources.ZipPictures(archive, str(Path(markdown[0].filename).parent))
        return with_pictures(html, pictures, files)


def wrong_type_message(name):
    if extension(name) == ".doc":
        return (
            "That is an old-style Word document (.doc). In Word, choose File › Save As › "
            "Word Document (.docx), then upload the .docx."
        )
    return (
        "That type of file cannot be imported. Upload a Word document (.docx), a Markdown "
        "file (.md) or a .zip of a Markdown file and its pictures, or paste the text from "
        "Google Docs below."
    )


def too_big_message(size):
    return (
        f"That file is {size / 1024 / 1024:.1f} MB; the most it can be is "
        f"{MAX_UPLOAD // 1024 // 1024} MB. Images make Word files large: remove them, "
        "import, then add them with Image blocks."
    )


def title_from_file_name(name):
    stem = re.sub(r"[-_\s]+", " ", Path(name or "").stem).strip()
    return stem[:1].upper() + stem[1:]


def docx_to_html(data, limits, pictures=None, notes=None):
    unreadable = ImportProblem(
        "That Word document could not be read. Open it in Word or Google Docs, save it again "
        "as .docx (or paste its text below) and try once more."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise unreadable
            check_docx(archive, limits)
            own_headings = heading_style_map(archive, limits.text_mb * 1024 * 1024)
            contents = has_table_of_contents(archive, limits.text_mb * 1024 * 1024)
        data = word_lists.mark_restarts(data)
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=DOCX_STYLE_MAP + own_headings,
            convert_image=mammoth.images.img_element(PictureKeeper(pictures)),
            external_file_access=False,
        )
    except ImportProblem:
        raise
    except Exception as error:  # mammoth raises many kinds on a damaged file
        raise unreadable from error
    html = word_lists.split_lists(result.value)
    check_html(html, limits)
    if contents and notes is not None:
        notes.append(
            "The document's table of contents was left out: the guide's page lists its "
            "sections itself (“On this page”)."
        )
    return footnotes_as_notes(html)


class PictureKeeper:
    """mammoth's convert_image: each picture's bytes kept in `pictures` (none kept when it is
    None), the <img> pointing at it. A picture that cannot be read, or that would take the
    document's pictures past MAX_PICTURES_BYTES, keeps an empty src: the converter lists it
    in the notes as not imported."""

    def __init__(self, pictures):
        self.pictures, self.room = pictures, MAX_PICTURES_BYTES

    def __call__(self, image):
        if self.pictures is None:
            return {"src": ""}
        try:
            with image.open() as stream:
                data = stream.read(self.room + 1)
        except Exception:  # a picture linked to a file outside the document, or damaged
            return {"src": ""}
        if not data or len(data) > self.room:
            return {"src": ""}
        self.room -= len(data)
        self.pictures.append(
            {"content_type": image.content_type or "", "data": base64.b64encode(data).decode()}
        )
        return {"src": f"{PICTURE_SRC}{len(self.pictures) - 1}"}


def html_file_to_html(data, limits, notes=None):
    return pasted_html(data.decode("utf-8", errors="replace"), limits, notes)


def pasted_html(html, limits, notes=None):
    """Google Docs' (and Word's) clipboard HTML as plain semantic HTML. Text pasted without
    any markup (say, from a plain-text editor) is read as Markdown, whose paragraphs are
    separated by blank lines, as plain text's are."""
    if not TAG.search(html):
        return markdown_files.markdown_to_html(html, limits, notes)
    check_html(html, limits)
    soup = BeautifulSoup(html, "lxml")
    google_docs.undo_export(soup)  # before its <style> block goes
    undo_word_html(soup)  # before its conditional comments go
    for element in soup(DROP_TAGS):
        element.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    for element in soup.find_all(True):
        _styles_to_tags(soup, element)
    for element in soup.find_all(True):
        keep = KEEP_ATTRIBUTES.get(element.name, set())
        if element.name in ("pre", "code"):
            keep = {"class"}  # language-xyz
        element.attrs = {key: value for key, value in element.attrs.items() if key in keep}
    body = soup.body or soup
    return "".join(str(child) for child in body.contents)


def _style(element):
    pairs = (part.split(":", 1) for part in element.get("style", "").split(";") if ":" in part)
    return {key.strip().lower(): value.strip().lower() for key, value in pairs}


def _styles_to_tags(soup, element):
    """Google Docs marks bold and italic with inline styles, and wraps the whole document in
    <b style="font-weight:normal" id="docs-internal-guid-…">: styles become <b>/<i>, and a
    <b> or <strong> whose style says "not bold" is no bold at all."""
    style = _style(element)
    weight = style.get("font-weight", "")
    bold = weight == "bold" or weight == "bolder" or (weight.isdigit() and int(weight) >= 600)
    not_bold = weight in ("normal", "lighter") or (weight.isdigit() and int(weight) < 600)
    italic = style.get("font-style") in ("italic", "oblique")
    if element.name in ("b", "strong") and not_bold:
        element.unwrap()
        return
    if element.name in ("i", "em") and style.get("font-style") == "normal":
        element.unwrap()
        return
    for tag, wanted in (("i", italic), ("b", bold)):
        if wanted and element.name not in (("b", "strong") if tag == "b" else ("i", "em")):
            wrapper = soup.new_tag(tag)
            for child in list(element.contents):
                wrapper.append(child.extract())
            element.append(wrapper)


READERS = {
    ".docx": docx_to_html,
    ".md": markdown_files.markdown_to_html,
    ".markdown": markdown_files.markdown_to_html,
    ".html": html_file_to_html,
    ".htm": html_file_to_html,
    ".zip": zip_to_html,
}
ACCEPT = ",".join(READERS)
