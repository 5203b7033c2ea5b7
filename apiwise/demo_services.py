"""Demo content for what APIwise sells, read from the data files in apiwise/demo_content/:
the /services/ listing, the sample service pages (DRAFTS, for editors to rewrite: visitors see
none of their words until someone publishes them), the home page's service cards linked to
them, and the Health Check terms added to the demo Terms page. Idempotent: what exists is left
as staff left it."""

from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from wagtail.models import Page
from wagtail.rich_text import RichText

from apiwise.launch_checks import SAMPLE_REVIEW_MARK as TERMS_SAMPLE_MARK
from apiwise.models import HomePage, ServicePage, ServicesIndexPage, StandardPage

CONTENT = Path(__file__).parent / "demo_content"
SERVICES = CONTENT / "services"
TERMS_SECTION = CONTENT / "terms-health-check.md"

_markdown = MarkdownIt("commonmark")


def markdown(text):
    return _markdown.render(text or "").strip()


def read(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def service_documents():
    return [read(path) for path in sorted(SERVICES.glob("*.yaml")) if path.stem != "index"]


def load(home):
    """The listing (published: it hides itself while empty), the samples as drafts, the home
    page's cards linked to the service pages, and the Terms' Health Check section."""
    index = ServicesIndexPage.objects.child_of(home).first()
    if index is None:
        index = ServicesIndexPage(**read(SERVICES / "index.yaml"))
        home.add_child(instance=index)
        index.save_revision().publish()
    pages = {}
    for document in service_documents():
        pages[document.get("home_card")] = add_draft_service(index, document)
    link_home_cards(home, pages)
    add_terms_section(home)
    return index


def add_draft_service(index, document):
    existing = Page.objects.child_of(index).filter(slug=document["slug"]).first()
    if existing:
        return existing.specific
    faqs = [
        {"question": item["question"], "answer": RichText(markdown(item["answer"]))}
        for item in document.get("faqs", [])
    ]
    page = ServicePage(
        title=document["title"],
        slug=document["slug"],
        summary=document["summary"],
        icon=document.get("icon", ""),
        audience=markdown(document.get("audience")),
        deliverables=markdown(document.get("deliverables")),
        price=document.get("price"),
        pricing=document.get("pricing", ""),
        faqs=[("faq", {"heading": "Questions", "items": faqs})] if faqs else [],
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision()  # a draft: an editor rewrites and publishes it
    return page


def link_home_cards(home, pages):
    """Each home page card links to its service's page (shown as a link once that page is
    live). The Health Check card links to the Health Check page. Cards staff have linked are
    left alone."""
    home = HomePage.objects.get(pk=home.pk)
    health_check = home.get_children().filter(slug="health-check").first()
    targets = {"Integration Health Check": health_check, **pages}
    cards, changed = [], False
    for block in home.services:
        value = dict(block.value)
        target = targets.get(value["heading"])
        if value.get("page") is None and target is not None:
            value["page"], changed = target, True
        cards.append((block.block_type, value))
    if changed:
        home.services = cards
        home.save_revision().publish()


def add_terms_section(home):
    """The demo Terms page gains the Health Check's terms, marked for review, unless staff
    have edited the page (more than the demo's one revision)."""
    terms = StandardPage.objects.child_of(home).filter(slug="terms").first()
    if terms is None or TERMS_SAMPLE_MARK in str(terms.body):
        return
    if terms.revisions.count() > 1:
        return
    terms.body = f"{terms.body}{markdown(_without_comment(TERMS_SECTION.read_text('utf-8')))}"
    terms.save_revision().publish()


def _without_comment(text):
    """The data file opens with a comment for whoever edits it, not for the page."""
    if text.startswith("<!--"):
        text = text.split("-->", 1)[1]
    return text
