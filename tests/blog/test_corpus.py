"""Every document in tests/blog/corpus/documents/ (Word files in many looks, a Google Docs
export, GitHub-flavoured and Notion Markdown…), imported as an editor imports it, must come
out as its `.expect.yaml` says: each heading, list item, table, link, picture and FAQ, in
order, and nothing an editor would have to clean up (placeholders, leftover markup, empty
paragraphs, a standfirst repeating the short answer).

A new document needs only its file and its `<name>.expect.yaml` next to it."""

from pathlib import Path

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection

from blog.importer import import_guide
from blog.models import ArticlePage
from tests.blog.corpus.readback import leftovers, read_back

DOCUMENTS = Path(__file__).parent / "corpus" / "documents"
EXPECT = ".expect.yaml"
CONTENT_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".md": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".zip": "application/zip",
}
# Documents the importer cannot yet bring in whole: name -> why (each case must still fail).
KNOWN_GAPS = {}


def corpus():
    cases = []
    for expect in sorted(DOCUMENTS.glob(f"*{EXPECT}")):
        name = expect.name.removesuffix(EXPECT)
        files = [p for p in DOCUMENTS.glob(f"{name}.*") if not p.name.endswith(EXPECT)]
        assert len(files) == 1, f"{expect.name} needs exactly one document named {name}.*"
        marks = []
        if name in KNOWN_GAPS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[name]))
        cases.append(pytest.param(files[0], expect, id=files[0].name, marks=marks))
    return cases


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def differences(what, expected, found, same=lambda want, got: want == got):
    """One line for each element of `what` that differs, is missing or was not expected."""
    lines = []
    for number, (want, got) in enumerate(zip(expected, found, strict=False), start=1):
        if not same(want, got):
            lines.append(f"{what} {number}: expected {want!r}, got {got!r}")
    for number, want in enumerate(expected[len(found) :], start=len(found) + 1):
        lines.append(f"{what} {number}: expected {want!r}, missing")
    for number, got in enumerate(found[len(expected) :], start=len(expected) + 1):
        lines.append(f"{what} {number}: not expected, got {got!r}")
    return lines


def same_picture(want, got):
    return want["alt"] == got["alt"] and want.get("caption", got["caption"]) == got["caption"]


def same_faq(want, got):
    return want["question"] == got["question"] and want["answer_contains"] in got["answer"]


def same_item(want, got):
    return (want["text"], want["level"], bool(want["ordered"])) == (
        got["text"],
        got["level"],
        got["ordered"],
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("document", "expect"), corpus())
def test_a_document_imports_as_its_author_meant(document, expect, guide_index, editor):
    expected = yaml.safe_load(expect.read_text(encoding="utf-8"))
    upload = SimpleUploadedFile(
        document.name, document.read_bytes(), content_type=CONTENT_TYPES[document.suffix]
    )
    # As the import view calls it, with the form's defaults.
    page = import_guide(
        guide_index,
        title="",
        summary="",
        file=upload,
        html="",
        user=editor,
        image_collection=Collection.get_first_root_node(),
        may_add_images=True,
    )
    page = ArticlePage.objects.get(pk=page.pk)
    found = read_back(page)

    problems = []
    if found["title"] != expected["title"]:
        problems.append(f"title: expected {expected['title']!r}, got {found['title']!r}")
    problems += differences("heading", expected.get("headings", []), found["headings"])
    problems += differences("list item", expected.get("lists", []), found["lists"], same_item)
    problems += differences("table", expected.get("tables", []), found["tables"])
    problems += differences("link", expected.get("links", []), found["links"])
    problems += differences(
        "picture", expected.get("pictures", []), found["pictures"], same_picture
    )
    problems += differences("FAQ", expected.get("faqs", []), found["faqs"], same_faq)
    for wanted in expected.get("notes_contain", []):
        if wanted not in found["notes"]:
            problems.append(f"the notes do not say {wanted!r}; they are: {found['notes']!r}")
    problems += leftovers(page)
    if not found["short_answer"]:
        problems.append("the guide has no short answer")
    standfirst, short = found["standfirst"], found["short_answer"]
    if standfirst and (standfirst in short or short in standfirst):
        problems.append(f"the standfirst repeats the short answer: {standfirst!r}")
    if problems:
        pytest.fail(f"{document.name} imported differently:\n" + "\n".join(problems), False)


def test_a_difference_names_the_element_and_what_was_found_instead():
    expected = [[2, "Fees"], [2, "Tax"], [2, "Refunds"]]
    assert differences("heading", expected, [[2, "Fees"], [3, "Tax"]]) == [
        "heading 2: expected [2, 'Tax'], got [3, 'Tax']",
        "heading 3: expected [2, 'Refunds'], missing",
    ]
    assert differences("heading", expected[:1], [[2, "Fees"], [2, "Notes"]]) == [
        "heading 2: not expected, got [2, 'Notes']"
    ]
