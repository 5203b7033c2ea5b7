"""Case studies were snippets (bookings.CaseStudy) and are pages now (blog.CaseStudyPage). A
site upgraded with case studies keeps every one, as a draft page under the case study listing
for staff to check and publish: nothing appears to visitors unchecked."""

import pytest

from blog.models import Author, CaseStudyIndexPage, CaseStudyPage
from tests.helpers import migrate_to

BEFORE = [
    ("blog", "0009_topic_introduction"),
    ("bookings", "0015_clamp_slot_settings_to_their_bounds"),
]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_upgrading_turns_case_study_snippets_into_draft_pages():
    # The demo's own case study pages and listing are for the new schema: an old site had none.
    CaseStudyPage.objects.all().delete()
    CaseStudyIndexPage.objects.all().delete()
    old = migrate_to(BEFORE)
    OldCaseStudy = old.get_model("bookings", "CaseStudy")
    OldPage = old.get_model("wagtailcore", "Page")
    guide = OldPage.objects.get(slug="connect-stripe-to-xero")
    OldCaseStudy.objects.create(
        title="Stripe payouts reconciled in Xero",
        client="Hartley & Sons Ltd",
        problem="Payouts were matched by hand.",
        outcome="Matched automatically every morning.",
        page=guide,
        permission_note="Agreed by e-mail, 3 Nov 2026.",
        live=True,
    )
    OldCaseStudy.objects.create(
        title="Orders into Sage",
        client="A Leeds retailer",
        problem="Orders were typed in twice & checked <by hand>.",
        outcome="Typed once.",
        permission_note="Agreed on a call.",
        live=False,
    )

    migrate_to()

    listing = CaseStudyIndexPage.objects.get()
    assert (listing.slug, listing.live, listing.get_parent().slug) == (
        "case-studies",
        False,
        "home",
    )
    moved = CaseStudyPage.objects.get(title="Stripe payouts reconciled in Xero")
    assert moved.get_parent().pk == listing.pk
    assert not moved.live  # staff check it and publish it
    assert moved.client_name == "Hartley & Sons Ltd"
    assert "Payouts were matched by hand." in moved.problem
    assert "Matched automatically every morning." in moved.results
    assert moved.permission_note == "Agreed by e-mail, 3 Nov 2026."
    assert [link.guide.slug for link in moved.guide_links.all()] == ["connect-stripe-to-xero"]
    second = CaseStudyPage.objects.get(title="Orders into Sage")
    assert "&amp; checked &lt;by hand&gt;" in second.problem
    # The tree is sound: the pages are found, edited and published as any other.
    assert [page.title for page in listing.get_children()] == [
        "Stripe payouts reconciled in Xero",
        "Orders into Sage",
    ]
    # The old snippet never said what was built: staff write it before it can be published.
    second.solution = "<p>Shopify orders now reach Sage by themselves.</p>"
    second.save_revision().publish()
    listing.save_revision().publish()
    assert list(CaseStudyPage.published()) == [second]
    assert [page.path[-4:] for page in listing.get_children()] == ["0001", "0002"]
    # Authors got slugs from their names on the way.
    assert Author.objects.get(name="Alex Morgan").slug == "alex-morgan"
