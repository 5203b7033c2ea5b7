"""The pictures a document brought (a Word document's own, a .zip's files beside its Markdown,
pasted data: URIs, or fetched from https:// addresses: sources.py, fetch.py), added to the
image library in the web process (the child process that converted the document never
touches the database, sandbox.py), and each image block pointed at its image.

A picture is checked as an upload to the image library is (Wagtail's own image field: format,
file size, pixels). One that fails leaves no block and no placeholder: the import notes name
it and say why, for the editor to add by hand."""

import base64
import binascii
import io
import mimetypes
import re

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.models import Collection

TITLE_LENGTH = 255
# What Word stores its own drawings and pasted charts as: not images a browser shows.
WORD_DRAWINGS = {"image/x-emf", "image/x-wmf", "image/emf", "image/wmf"}


def add_to_library(result, *, guide_title, collection=None, user=None):
    """Create an image for each picture the image blocks of `result` (a blocks.Result) show,
    in `collection` (the root collection when None), and point the blocks at them. Blocks
    whose picture cannot be added are removed, with a note each."""
    collection = collection or Collection.get_first_root_node()
    images, blocks, near, count = {}, [], "", 0
    for block in result.blocks:
        if block["type"] == "heading":
            near = block["value"]["text"]
        if block["type"] != "image" or not isinstance(block["value"]["image"], int):
            blocks.append(block)
            continue
        number = block["value"]["image"]
        if number not in images:
            count += 1
            alt = block["value"]["alt_text"]
            picture = result.pictures.get(str(number)) or {}
            title = alt or title_from_file_name(picture.get("name", ""))
            title = title or f"{guide_title}: picture {count}"
            try:
                images[number] = save_picture(picture, title, collection, user)
            except ValidationError as error:
                images[number] = None
                described = f"“{alt}”" if alt else f"number {count}"
                where = f"near “{near}”" if near else "at the start"
                result.notes.append(
                    f"The picture {described} {where} could not be added to the image "
                    f"library: {reason(picture, error)} Add it with an Image block."
                )
        if images[number] is not None:
            blocks.append({**block, "value": {**block["value"], "image": images[number].pk}})
    result.blocks = blocks
    result.pictures = {}


def leave_out(result):
    """Remove the image blocks of `result`, with a note, for an editor who may not add
    images to the image library."""
    left = [block for block in result.blocks if block["type"] == "image"]
    if left:
        result.blocks = [block for block in result.blocks if block["type"] != "image"]
        result.notes.append(
            f"The document's {len(left)} picture(s) were not imported: you may not add images "
            "to the image library. Ask an administrator to add them."
        )
    result.pictures = {}


def save_picture(picture, title, collection, user):
    """A new image from `picture` ({"content_type", "data" (base64)}), checked as the image
    library checks an upload. Raises ValidationError when it is not an image the site can
    show, or with the reason the picture never came ({"problem"})."""
    if picture.get("problem"):
        raise ValidationError(picture["problem"])
    try:
        data = base64.b64decode(picture.get("data", ""), validate=True)
    except (binascii.Error, ValueError):
        data = b""
    if not data:
        raise ValidationError("it could not be read from the document.")
    content_type = what_it_is(data) or picture.get("content_type", "")
    extension = mimetypes.guess_extension(content_type) or ".bin"
    name = f"{slugify(title)[:60] or 'picture'}{extension}"
    try:
        upload = WagtailImageField().clean(SimpleUploadedFile(name, data, content_type))
        if content_type != "image/svg+xml":
            # Wagtail reads only the header: a picture damaged after it would fail later,
            # on the live page. verify() reads it through without decoding it.
            with PillowImage.open(io.BytesIO(data)) as picture:
                picture.verify()
    except (OSError, ValueError, SyntaxError) as error:  # what Pillow raises on a bad file
        raise ValidationError("it is damaged or not a picture.") from error
    upload.seek(0)
    title = " ".join(title.split())
    if len(title) > TITLE_LENGTH:
        title = title[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return get_image_model().objects.create(
        title=title, file=upload, collection=collection, uploaded_by_user=user
    )


def what_it_is(data):
    """The picture's type as Pillow reads it from its first bytes (a server's Content-Type
    or a file's name can be wrong), or "" when Pillow does not know it."""
    try:
        with PillowImage.open(io.BytesIO(data)) as picture:
            return PillowImage.MIME.get(picture.format, "")
    except (OSError, ValueError, SyntaxError):
        return ""


def title_from_file_name(name):
    """ "shopify-orders_screen.png" → "Shopify orders screen"; "" for Word's own names
    ("image1.png") and none."""
    stem = " ".join(re.sub(r"[-_.]+", " ", name.rsplit(".", 1)[0]).split())
    if not stem or re.fullmatch(r"(image|picture|img|screenshot)\s*\d*", stem, re.IGNORECASE):
        return ""
    return stem[:1].upper() + stem[1:]


def reason(picture, error):
    if picture.get("content_type") in WORD_DRAWINGS:
        return (
            "it is a Word drawing (EMF or WMF), which browsers cannot show. Save it as a PNG "
            "picture (right-click it in Word › Save as Picture)."
        )
    text = " ".join(error.messages)
    return text if text.endswith(".") else f"{text}."
