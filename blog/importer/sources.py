"""Where the pictures of a Markdown file or pasted HTML come from, sorted out in the child
process (sandbox.py) that converts the document:

- a file beside the Markdown in the .zip it came in (`![Alt](images/x.png)`, or a Notion
  export's URL-encoded `Page%20Name%20abc123/image.png`): its bytes, read within the limits;
- a `data:` URI (Google Docs and web pages paste small pictures so): its bytes, decoded;
- an `https://` address (Google Docs copies its pictures as lh3.googleusercontent.com
  addresses): only the address. The web process fetches it after the conversion
  (blog/importer/fetch.py), with the core's guarded requests (apiwise/outbound.py): the child
  has read untrusted input and is given no reason ever to reach the network;
- anything else (a file that did not come with the Markdown, an http:// address): why not.

Each <img> then points at its entry in `pictures` (formats.PICTURE_SRC and its number), as a
Word document's pictures do, and every entry becomes an image in the library or a note that
says why it could not (blog/importer/pictures.py): never a placeholder on the page.
"""

import base64
import binascii
import mimetypes
import posixpath
import re
from pathlib import PurePosixPath
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from bs4 import BeautifulSoup

from blog.importer.limits import MB

PICTURE_SRC = "picture:"
DATA_URI = re.compile(
    r"^data:(?P<type>[\w.+-]+/[\w.+-]+)?(?P<params>(;[^,;]*)*?)(?P<b64>;base64)?,"
)


def gather(html, pictures, *, files=None, picture_room, picture_mb, markdown=False):
    """`html` with each <img>'s src pointing at a new entry of `pictures`: {"content_type",
    "data" (base64), "name"}, {"url", "name"} or {"problem", "name"}. `files` is
    ZipPictures for a Markdown file that came in a .zip; `picture_room` how many bytes all
    the pictures may take together (a list, so it is shared), `picture_mb` one picture's
    most; `markdown` whether the HTML came from a Markdown file (its pictures' files can come
    with it in a .zip)."""
    if "<img" not in html:
        return html
    soup = BeautifulSoup(html, "lxml")
    for image in soup.find_all("img"):
        src = (image.get("src") or "").strip()
        if src.startswith(PICTURE_SRC):
            continue  # a Word document's, already kept
        entry = source(src, files, picture_room, picture_mb, markdown)
        pictures.append(entry)
        image["src"] = f"{PICTURE_SRC}{len(pictures) - 1}"
    body = soup.body or soup
    return "".join(str(child) for child in body.contents)


def source(src, files, picture_room, picture_mb, markdown):
    name = file_name(src)
    scheme = urlsplit(src).scheme.lower()
    if not src:
        return {"problem": "it has no address.", "name": ""}
    if scheme == "data":
        return data_uri(src, picture_room, picture_mb)
    if scheme == "https":
        return {"url": src, "name": name}
    if scheme == "http":
        return {
            "problem": f"its address ({short(src)}) is not https://, and the import fetches "
            "pictures only over https://.",
            "name": name,
        }
    if scheme:
        return {"problem": f"its address ({short(src)}) is not a web address.", "name": name}
    if files is None and markdown:
        return {
            "problem": f"the file {unquote(src)} did not come with the document. Upload a .zip "
            "holding the Markdown file and its pictures.",
            "name": name,
        }
    if files is None:
        return {
            "problem": f"it refers to a file ({short(unquote(src))}) that was not pasted with "
            "the text.",
            "name": name,
        }
    return files.read(src, picture_room, picture_mb)


def data_uri(src, picture_room, picture_mb):
    match = DATA_URI.match(src)
    content_type = (match["type"] or "").lower() if match else ""
    if not content_type.startswith("image/"):
        return {"problem": "it is pasted in the text but is not a picture.", "name": ""}
    payload = src[match.end() :]
    if len(payload) * 3 // 4 > min(picture_mb * MB, picture_room[0]):
        return {"problem": too_big(picture_mb), "name": ""}
    try:
        data = (
            base64.b64decode(payload, validate=False) if match["b64"] else unquote_to_bytes(payload)
        )
    except (binascii.Error, ValueError):
        return {"problem": "it is pasted in the text but could not be read.", "name": ""}
    return kept(data, content_type, "", picture_room)


def kept(data, content_type, name, picture_room):
    picture_room[0] -= len(data)
    return {"content_type": content_type, "data": base64.b64encode(data).decode(), "name": name}


def too_big(picture_mb):
    return f"it is larger than {picture_mb} MB, the most a picture may be."


def file_name(src):
    """The picture's file name, from its address or path ("" for a data: URI)."""
    if src.startswith("data:"):
        return ""
    return unquote(PurePosixPath(urlsplit(src).path).name)


def short(text, limit=80):
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ZipPictures:
    """The files of a .zip beside its Markdown file, by their path relative to it."""

    def __init__(self, archive, folder):
        self.archive, self.folder = archive, folder
        self.names = {info.filename: info for info in archive.infolist() if not info.is_dir()}

    def read(self, src, picture_room, picture_mb):
        path = unquote(urlsplit(src).path)
        name = PurePosixPath(path).name
        wanted = posixpath.normpath(posixpath.join(self.folder, path))
        info = None if wanted.startswith(("../", "/")) or wanted == ".." else self.names.get(wanted)
        if info is None:
            return {"problem": f"{path} is not in the .zip file.", "name": name}
        if info.file_size > min(picture_mb * MB, picture_room[0]):
            return {"problem": too_big(picture_mb), "name": name}
        with self.archive.open(info) as stream:
            data = stream.read(info.file_size + 1)  # a zip's sizes are its own claim
        if len(data) > info.file_size:
            return {"problem": "it is damaged in the .zip file.", "name": name}
        content_type = mimetypes.guess_type(name)[0] or ""
        return kept(data, content_type, name, picture_room)
