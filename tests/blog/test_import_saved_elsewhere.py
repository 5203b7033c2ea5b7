"""Documents saved by other programs than Word, from tests/blog/corpus/documents/: a .docx
LibreOffice Writer saved (its own style names, lists as numbering definitions), a Notion
export's .zip of Markdown and pictures, and Markdown with a picture at an https:// address.
Each is imported as an editor would and compared with its .expect.yaml; the pictures are
checked in the image library too."""

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Collection

from blog.importer import import_guide
from blog.models import ArticlePage

pytestmark = pytest.mark.django_db

DOCUMENTS = Path(__file__).parent / "corpus" / "documents"
NAMES = [
    "xero-api-curl-libreoffice.docx",
    "shopify-quickbooks-online.docx",
    "stripe-xero-notion-export.zip",
    "xero-bank-statement-csv.md",
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def list_items(html):
    """[{text, level, ordered}] of every list item in rich text, outermost level 1."""
    soup = BeautifulSoup(html, "html.parser")
    items = []
    for item in soup.find_all("li"):
        own = "".join(str(part) for part in item.find_all(string=True, recursive=False))
        level = len(item.find_parents(["ul", "ol"]))
        ordered = item.parent.name == "ol"
        items.append({"text": " ".join(own.split()), "level": level, "ordered": ordered})
    return items


@pytest.mark.parametrize("name", NAMES)
def test_a_document_saved_elsewhere_imports_as_its_writer_meant(name, guide_index, editor):
    expected = yaml.safe_load((DOCUMENTS / name).with_suffix(".expect.yaml").read_text())
    screenshots = Collection.get_first_root_node().add_child(name="Imported screenshots")
    upload = SimpleUploadedFile(name, (DOCUMENTS / name).read_bytes())
    page = import_guide(guide_index, file=upload, user=editor, image_collection=screenshots)
    page = ArticlePage.objects.get(pk=page.pk)
    blocks = page.body.raw_data
    assert page.title == expected["title"]
    headings = [
        [int(block["value"]["level"][1]), block["value"]["text"]]
        for block in blocks
        if block["type"] == "heading"
    ]
    assert headings == expected["headings"]
    texts = "".join(block["value"] for block in blocks if block["type"] == "text")
    assert list_items(texts) == expected["lists"]
    tables = [block["value"]["data"] for block in blocks if block["type"] == "table"]
    assert tables == expected["tables"]
    for link in expected["links"]:
        assert f'<a href="{link["href"]}">{link["text"]}</a>' in texts.replace("&#x27;", "'")
    faqs = [
        item["value"]
        for block in blocks
        if block["type"] == "faq"
        for item in block["value"]["items"]
    ]
    assert [faq["question"] for faq in faqs] == [faq["question"] for faq in expected["faqs"]]
    for faq, wanted in zip(faqs, expected["faqs"], strict=True):
        assert wanted["answer_contains"] in faq["answer"]
    for note in expected.get("notes_contain", []):
        assert note in page.import_notes

    pictures = [block["value"] for block in blocks if block["type"] == "image"]
    assert [(p["alt_text"], p["caption"]) for p in pictures] == [
        (picture["alt"], picture.get("caption", "")) for picture in expected["pictures"]
    ]
    for picture in pictures:
        image = Image.objects.get(pk=picture["image"])
        assert image.title == picture["alt_text"]
        assert image.collection == screenshots and image.uploaded_by_user == editor
        with image.file.open() as stored, PillowImage.open(stored) as opened:
            assert opened.format == "PNG" and opened.width > 100
    raw = str(blocks)
    assert "[Image" not in raw and "picture:" not in raw and "%20" not in raw


def test_libreoffice_s_quotation_and_code_styles_are_a_quote_and_code(guide_index, editor):
    name = "xero-api-curl-libreoffice.docx"
    upload = SimpleUploadedFile(name, (DOCUMENTS / name).read_bytes())
    page = ArticlePage.objects.get(pk=import_guide(guide_index, file=upload, user=editor).pk)
    blocks = [(block["type"], block["value"]) for block in page.body.raw_data]
    codes = [value["code"] for kind, value in blocks if kind == "code"]
    assert codes == [
        'curl -H "Authorization: Bearer $ACCESS_TOKEN" https://api.xero.com/connections',
        'curl -H "Authorization: Bearer $ACCESS_TOKEN" -H "Xero-tenant-id: $TENANT_ID" '
        '-H "Accept: application/json" https://api.xero.com/api.xro/2.0/Invoices',
    ]
    assert ("quote", {"quote": QUOTE, "attribution": ""}) in blocks
    assert page.short_answer.startswith("<p>Get an access token through Xero's OAuth 2.0")
    assert (
        page.summary
        == "curl is the quickest way to see what the API returns before anyone writes code."
    )


QUOTE = "Access tokens last 30 minutes. Use the refresh token to get a new one."
