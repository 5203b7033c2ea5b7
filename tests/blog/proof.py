"""Publishing case studies and showing people on the team page, as staff would, for tests."""

from blog.models import (
    ArticlePage,
    Author,
    CaseStudyGuide,
    CaseStudyIndexPage,
    CaseStudyPage,
    TeamPage,
    Topic,
)


def publish_listing():
    listing = CaseStudyIndexPage.objects.get(slug="case-studies")
    listing.save_revision().publish()
    return listing


def publish_case_study(title="Stripe payouts reconciled in Xero", guides=(), **fields):
    """A live case study under the demo's (then published) listing."""
    listing = publish_listing()
    values = {
        "slug": title.lower().replace(" ", "-")[:50],
        "summary": "Payouts now match themselves in Xero every morning.",
        "client_name": "Hartley & Sons Ltd",
        "sector": "Wholesale",
        "problem": "<p>Two people matched Stripe payouts to invoices by hand each week.</p>",
        "solution": "<p>A small service that posts each payout to a clearing account.</p>",
        "outcomes": [
            ("outcome", {"figure": "6 hours → 20 minutes", "label": "month-end reconciliation"})
        ],
        "quote": "We stopped dreading the last Friday of the month.",
        "quote_name": "Priya Shah",
        "quote_role": "Finance director",
        "permission_note": "Agreed by e-mail, 3 Nov 2026.",
        **fields,
    }
    page = CaseStudyPage(title=title, **values)
    page.systems = list(Topic.objects.filter(slug__in=["stripe", "xero"]))
    page.guide_links = [CaseStudyGuide(guide=guide, sort_order=n) for n, guide in enumerate(guides)]
    listing.add_child(instance=page)
    page.save_revision().publish()
    return CaseStudyPage.objects.get(pk=page.pk)


def publish_team_page():
    team = TeamPage.objects.get(slug="team")
    team.save_revision().publish()
    return team


def show_on_team_page(author, **fields):
    for name, value in fields.items():
        setattr(author, name, value)
    author.on_team_page = True
    author.save()
    return author


def the_sample_person():
    return Author.objects.get(name="Sample — replace before launch")


def demo_author():
    return Author.objects.get(name="Alex Morgan")


def guide(slug):
    return ArticlePage.objects.get(slug=slug)
