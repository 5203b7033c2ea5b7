"""The reference article written again as a document (Markdown, Word), the way a writer would,
from the demo guide as published, and a block-by-block comparison of an imported guide with
the demo guide: shared by the import tests and the editor's browser journey."""

import io
import re
from html import unescape

from bs4 import BeautifulSoup, NavigableString
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from wagtail.models import Page

from blog import demo_content
from blog.demo_guides import documents
from blog.importer.blocks import convert
from blog.importer.markdown_files import markdown_to_html
from blog.models import ArticlePage
from bookings.models import HealthCheckPage
from tests.helpers import ARTICLE_SLUG

ARTICLE = documents()[ARTICLE_SLUG]  # the reference article's front matter
PAGE_LINK = re.compile(r'<a linktype="page" id="(\d+)">')


# --- The demo's guide documents, read without a database --------------------------------------


def document_blocks(slug):
    """The blocks the demo's document for `slug` makes (links dropped, their text kept)."""
    html = markdown_to_html(documents()[slug]["path"].read_bytes())
    return convert(html, resolve_link=lambda href, text: None).blocks


def document_questions(slug):
    blocks = document_blocks(slug)
    return [item["question"] for b in blocks if b["type"] == "faq" for item in b["value"]["items"]]


def faq_page_questions():
    """The FAQ page's questions in order, as the demo content lists them."""
    return [
        question
        for section in demo_content.FAQ_PAGE["sections"]
        for question in (
            document_questions(section["faqs_of"])
            if "faqs_of" in section
            else [item["question"] for item in section["items"]]
        )
    ]


def series_order(hub_slug):
    """The slugs of a hub's guides in reading order, as their documents' front matter says."""
    parts = [(g["part"], slug) for slug, g in documents().items() if g.get("series") == hub_slug]
    return [slug for _, slug in sorted(parts)]


# --- The reference article as a document ------------------------------------------------------


def page_urls():
    """slug -> the page's real URL in the test database (/guides/…/, /health-check/…)."""
    return {page.slug: page.url for page in Page.objects.filter(depth__gt=2).specific()}


def with_links(html, root=""):
    """Page links as ordinary <a href>s to those pages, as a writer would link them."""
    urls = {page.pk: page.url for page in Page.objects.filter(depth__gt=2).specific()}
    return PAGE_LINK.sub(lambda m: f'<a href="{root}{urls[int(m.group(1))]}">', str(html))


def article_outline(root=""):
    """The reference article as a writer's document: (kind, content) in reading order. The
    introduction comes before "The short answer": everything between that heading and the
    next one is the short answer."""
    guide = ArticlePage.objects.live().get(slug=ARTICLE_SLUG)
    body = [block for block in guide.body.raw_data if block["type"] != "diagram"]
    assert body[0]["type"] == "text", "the article opens with its introduction"
    outline = [("h1", guide.title), ("html", with_links(body[0]["value"], root))]
    outline += [("h2", "The short answer"), ("html", guide.short_answer)]
    for block in body[1:]:
        kind, value = block["type"], block["value"]
        if kind == "heading":
            outline.append((value["level"], value["text"]))
        elif kind == "text":
            outline.append(("html", with_links(value, root)))
        elif kind == "table":
            outline.append(("html", f"<p>Table: {value['table_caption']}</p>"))
            outline.append(("table", value["data"]))
        elif kind == "faq":
            outline.append(("h2", value["heading"]))
            for item in faq_items(value):
                outline += [("h3", item["question"]), ("html", with_links(item["answer"]))]
        elif kind == "call_to_action":
            outline += [("h2", value["heading"]), ("html", with_links(value["text"], root))]
        else:
            raise AssertionError(f"the test does not write {kind} blocks yet")
    return outline


def md_escape(text):
    return re.sub(r"([\\`*_\[\]<>#|!&])", r"\\\1", text)


def md_inline(node):
    if isinstance(node, NavigableString):
        return md_escape(" ".join(str(node).split(" ")))
    inner = "".join(md_inline(child) for child in node.children)
    if node.name == "a":
        return f"[{inner}]({node['href']})"
    if node.name in ("b", "strong"):
        return f"**{inner}**"
    if node.name in ("i", "em"):
        return f"*{inner}*"
    return inner


def to_markdown(outline):
    lines = []
    for kind, content in outline:
        if kind in ("h1", "h2", "h3"):
            lines.append("#" * int(kind[1]) + " " + md_escape(content))
        elif kind == "table":
            cells = [[md_escape(cell) for cell in row] for row in content]
            lines.append("| " + " | ".join(cells[0]) + " |")
            lines.append("|" + " --- |" * len(cells[0]))
            lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
        else:
            for element in BeautifulSoup(content, "html.parser").find_all(["p", "ul"]):
                if element.name == "p":
                    lines.append(md_inline(element))
                else:
                    lines.append("\n".join(f"- {md_inline(li)}" for li in element.find_all("li")))
        lines.append("")
    return "\n".join(lines)


def add_hyperlink(paragraph, url, text):
    """python-docx has no hyperlink API: the relationship and the w:hyperlink element."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def docx_runs(paragraph, node, bold=False, italic=False):
    for child in node.children:
        if isinstance(child, NavigableString):
            run = paragraph.add_run(str(child))
            run.bold, run.italic = bold or None, italic or None
        elif child.name == "a":
            add_hyperlink(paragraph, child["href"], child.get_text())
        else:
            docx_runs(
                paragraph,
                child,
                bold=bold or child.name in ("b", "strong"),
                italic=italic or child.name in ("i", "em"),
            )


def to_docx(outline):
    document = Document()
    for kind, content in outline:
        if kind in ("h1", "h2", "h3"):
            document.add_heading(content, level=int(kind[1]))
        elif kind == "table":
            table = document.add_table(rows=len(content), cols=len(content[0]))
            table.style = "Table Grid"
            for cells, row in zip(content, table.rows, strict=True):
                for text, cell in zip(cells, row.cells, strict=True):
                    cell.text = text
            header = table.rows[0]._tr.get_or_add_trPr()
            header.append(OxmlElement("w:tblHeader"))  # Word's "repeat as header row"
        else:
            for element in BeautifulSoup(content, "html.parser").find_all(["p", "ul"]):
                if element.name == "p":
                    docx_runs(document.add_paragraph(), element)
                else:
                    for li in element.find_all("li"):
                        docx_runs(document.add_paragraph(style="List Bullet"), li)
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


# --- Comparing guides --------------------------------------------------------------------------


def visible(html):
    """Rich text's visible words: block tags are breaks, inline tags are nothing."""
    html = re.sub(r"</?(p|li|ul|ol)\b[^>]*>", " ", str(html or ""))
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def page_links(html):
    return [int(pk) for pk in re.findall(r'linktype="page" id="(\d+)"', str(html or ""))]


def faq_items(value):
    """FAQ items as saved: Wagtail stores a list block's items as {"type": "item", …}."""
    return [item.get("value", item) for item in value["items"]]


def comparable(page):
    """A guide's body as a list of plain values to compare. A document cannot carry the
    demo's diagram, and two text blocks in a row are one run of paragraphs in a document."""
    blocks = []
    for block in page.body.raw_data:
        kind, value = block["type"], block["value"]
        if kind == "diagram":
            continue
        if kind == "text" and blocks and blocks[-1]["type"] == "text":
            blocks[-1]["value"] += value
            continue
        blocks.append({"type": kind, "value": value})
    out = []
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind == "heading":
            out.append(("heading", value["text"], value["level"]))
        elif kind == "text":
            out.append(("text", visible(value), page_links(value)))
        elif kind == "table":
            out.append(("table", value["table_caption"], value["data"]))
        elif kind == "faq":
            questions = [
                (item["question"], visible(item["answer"]), page_links(item["answer"]))
                for item in faq_items(value)
            ]
            out.append(("faq", value["heading"], questions))
        elif kind == "call_to_action":
            text = value["text"]
            out.append(("cta", value["heading"], visible(text), page_links(text), value["page"]))
        else:
            out.append((kind, value))
    return out


def assert_same_guide(imported, demo, introduction_is_standfirst=False):
    """`introduction_is_standfirst`: the import made the standfirst of the demo guide's
    first paragraph (no standfirst was given on the form), which leaves the body."""
    imported = ArticlePage.objects.get(pk=imported.pk)
    imported.body.stream_block.clean(imported.body)  # publishable as it is: the blocks validate
    expected, actual = comparable(demo), comparable(imported)
    if introduction_is_standfirst:
        kind, text, links = expected[0]
        assert kind == "text" and imported.summary and text.startswith(imported.summary + " ")
        expected[0] = (kind, text.removeprefix(imported.summary + " "), links)
    assert [block[0] for block in actual] == [block[0] for block in expected]
    for got, wanted in zip(actual, expected, strict=True):
        assert got == wanted
    assert imported.title == ARTICLE["title"]
    assert visible(imported.short_answer) == visible(demo.short_answer)
    health_check = HealthCheckPage.objects.get().pk
    assert [b[4] for b in actual if b[0] == "cta"] == [health_check, health_check]
    assert any(links for block in actual if block[0] == "text" for links in [block[2]])


def without_default_call_to_action(blocks):
    """An imported guide's blocks ([(type, value)]) without the call to action the import
    ends a guide with when its document has none (finishing.py): the site's default, here
    the home page's wording and button. Fails when the guide does not end with it."""
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page.specific
    kind, value = blocks[-1]
    assert kind == "call_to_action", "the guide does not end with the default call to action"
    assert value["heading"] == home.cta_heading
    assert value["button_label"] == home.cta_button_label
    assert value["page"] == home.cta_page_id
    return blocks[:-1]
